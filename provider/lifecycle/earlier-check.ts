import type { ProjectKind } from "../contract";
import { canonicalJson } from "../plan/canonical-json";
import { normalizedEndpoint } from "./connections";
import { type PrimaryRevision, primaryRevisionSchema, type ReplicationArgs, replicationArgsSchema } from "./inputs";

/** What the last check of this resource recorded (its old inputs), as far as it still applies. */
export interface EarlierCheck {
    /** The primary revision it saw; absent when there was none, or it was of another replica (a replacement). */
    revision?: PrimaryRevision;
    /** Whether it proved this secondary with these credentials, kind, api-version and training version. */
    secondaryProven: boolean;
}

/**
 * The old inputs against the new: the same replica (project, secondary resource and replica
 * name), and the same settings the secondary was probed with. A replica that does not exist yet
 * has no earlier revision, so check does not export for it.
 */
export function earlierCheckOf(olds: Record<string, unknown>, args: ReplicationArgs, kind: ProjectKind): EarlierCheck {
    const sameReplica =
        olds.projectName === args.projectName &&
        olds.secondaryProjectName === (args.secondaryProjectName ?? args.projectName) &&
        endpointOf(olds.secondary) === normalizedEndpoint(args.secondary);
    const revision = sameReplica ? primaryRevisionSchema.safeParse(olds.primaryRevision).data : undefined;
    const { shape } = replicationArgsSchema;
    const secondaryProven =
        revision !== undefined &&
        olds.projectKind === kind &&
        canonicalJson(olds.secondary) === canonicalJson(args.secondary) &&
        shape.apiVersion.safeParse(olds.apiVersion).data === args.apiVersion &&
        shape.training.safeParse(olds.training).data?.trainingConfigVersion === args.training.trainingConfigVersion;
    return { ...(revision && { revision }), secondaryProven };
}

function endpointOf(connection: unknown): string | undefined {
    const parsed = replicationArgsSchema.shape.secondary.safeParse(connection);
    return parsed.success ? normalizedEndpoint(parsed.data) : undefined;
}
