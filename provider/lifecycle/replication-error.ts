/**
 * A failure after the replica was (partly) changed. The dynamic-provider host sends an error with
 * `id` and `properties` to the engine as a partial failure: the resource and these properties are
 * saved, so the next run knows which steps completed and which job may still be running.
 */
export class ReplicationError extends Error {
    override readonly name = "ReplicationError";
    readonly reasons: string[];

    constructor(
        message: string,
        readonly id: string,
        readonly properties: Record<string, unknown>,
    ) {
        super(message);
        this.reasons = [message];
    }
}
