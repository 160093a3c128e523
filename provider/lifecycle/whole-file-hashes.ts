import type { AuthoringClient } from "../client/authoring-client";
import type { OperationContext } from "../operations/operation-context";
import { isWholeFileHash } from "../plan/content-fingerprint";
import type { CheckedInputs } from "./inputs";
import { withExport } from "./project-exports";
import type { ReplicaState } from "./replica-state";

/**
 * Releases before 0.3 recorded content hashes of the whole project file (`sha256:`); this one
 * hashes item by item (`sha256-items:`, see FingerprintBuilder), and the two forms never match.
 * Left alone, the first resync after an upgrade would import and train even when the primary
 * was saved without a change. So when the state still holds the old form and the primary's
 * revision has the new one, the secondary (if nobody edited it since its import: then it holds
 * exactly the content that hash stands for) is exported once, and its hash in the new form
 * replaces the old one wherever the state records it. The plan that follows compares like with
 * like. A preview cannot export: until this `up`, it shows the import it will not need.
 */
export async function adoptItemHashes(
    state: ReplicaState,
    inputs: CheckedInputs,
    secondary: AuthoringClient,
    context: OperationContext,
): Promise<void> {
    const recorded = state.importedContentHash;
    const desired = inputs.primaryRevision.contentHash;
    if (!isWholeFileHash(recorded) || desired === undefined || isWholeFileHash(desired)) return;
    const untouched = state.secondaryProject?.lastModifiedDateTime === state.importedLastModifiedDateTime;
    if (!untouched) return;
    const current = await withExport(secondary, inputs.secondaryProjectName, context, async (file) => {
        return file.fingerprint.contentHash;
    });
    state.importedContentHash = current;
    const { trainedFrom, syncedRevision } = state;
    if (trainedFrom && trainedFrom.contentHash === recorded)
        state.trainedFrom = { ...trainedFrom, contentHash: current };
    if (syncedRevision && syncedRevision.contentHash === recorded)
        state.syncedRevision = { ...syncedRevision, contentHash: current };
    context.log(
        `recorded the secondary's content hash in this release's form (${current}), exported once after the upgrade`,
    );
}
