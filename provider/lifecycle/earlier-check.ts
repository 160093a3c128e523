import { normalizedEndpoint } from "./connections";
import { type PrimaryRevision, primaryRevisionSchema, type ReplicationArgs, replicationArgsSchema } from "./inputs";

/** What the last check of this resource recorded (its old inputs), as far as it still applies. */
export interface EarlierCheck {
    /** The primary revision it saw; absent when there was none, or it was of another replica (a replacement). */
    revision?: PrimaryRevision;
}

/**
 * The old inputs against the new: the same replica (project, secondary resource and replica
 * name). A replica that does not exist yet has no earlier revision, so check does not export for it.
 */
export function earlierCheckOf(olds: Record<string, unknown>, args: ReplicationArgs): EarlierCheck {
    const sameReplica =
        olds.projectName === args.projectName &&
        olds.secondaryProjectName === (args.secondaryProjectName ?? args.projectName) &&
        endpointOf(olds.secondary) === normalizedEndpoint(args.secondary);
    const revision = sameReplica ? primaryRevisionSchema.safeParse(olds.primaryRevision).data : undefined;
    return revision ? { revision } : {};
}

function endpointOf(connection: unknown): string | undefined {
    const parsed = replicationArgsSchema.shape.secondary.safeParse(connection);
    return parsed.success ? normalizedEndpoint(parsed.data) : undefined;
}
