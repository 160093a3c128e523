import type { AuthoringClient } from "../client/authoring-client";
import type { OperationContext } from "../operations/operation-context";
import type { CheckedInputs } from "./inputs";
import { exportPrimary } from "./project-exports";
import type { ReplicaState } from "./replica-state";

/**
 * The inputs with the content hash the plan is made for. `check` does not export for a replica
 * that does not exist yet, so a create's revision has none: here the create exports the primary
 * once, keeps the file for its import (which takes it instead of exporting again) and plans for
 * its hash, which names the candidate model. A revision without a hash whose replica holds an
 * import is that import's content: the primary has not moved since, or `check` would have
 * exported it.
 */
export async function withContentHash(
    inputs: CheckedInputs,
    state: Partial<ReplicaState>,
    primary: AuthoringClient,
    context: OperationContext,
): Promise<CheckedInputs> {
    if (inputs.primaryRevision.contentHash !== undefined) return inputs;
    let contentHash = state.importedContentHash;
    if (contentHash === undefined) {
        const details = await primary.getProject(inputs.projectName, context.signal);
        contentHash = (await exportPrimary(primary, details, context)).fingerprint.contentHash;
    }
    return { ...inputs, primaryRevision: { ...inputs.primaryRevision, contentHash } };
}
