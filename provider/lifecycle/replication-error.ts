/**
 * A failure after the replica was (partly) changed. The dynamic-provider host sends an error with
 * `id` and `properties` to the engine as a partial failure: the resource and these properties are
 * saved, so the next run knows which steps completed and which job may still be running.
 * The host packs the properties as a protobuf Struct, which refuses `undefined` anywhere: without
 * a reply the engine would wait for the step forever. They are kept as the JSON they are saved as.
 */
export class ReplicationError extends Error {
    override readonly name = "ReplicationError";
    readonly reasons: string[];

    readonly properties: Record<string, unknown>;

    constructor(
        message: string,
        readonly id: string,
        properties: Record<string, unknown>,
    ) {
        super(message);
        this.reasons = [message];
        this.properties = JSON.parse(JSON.stringify(properties)) as Record<string, unknown>;
    }
}
