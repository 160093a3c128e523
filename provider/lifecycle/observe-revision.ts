import type { AuthoringClient } from "../client/authoring-client";
import type { Clock } from "../client/clock";
import type { ProjectMetadata } from "../contract";
import { changedFields, describeChanges, diffContent, shownItems } from "../plan/content-changes";
import type { ExportedFile } from "../project-file/exported-file";
import { readItemNames } from "../project-file/read-item-names";
import type { PrimaryRevision, ReplicationArgs } from "./inputs";
import { operationContextFor } from "./operation-context-for";
import { exportPrimary, withExport } from "./project-exports";
import type { ResourceLog } from "./resource-log";

/**
 * What the primary's current revision is and what it changed. Nothing is exported while
 * `lastModifiedDateTime` has not moved since the revision recorded last time, nor for a replica
 * that does not exist yet: its create exports the primary (once), and a preview of it has no
 * earlier content to compare with anyway. Otherwise the primary is exported (and the file kept
 * for the update that follows) and what changed is told against the content the secondary
 * holds, exported from the secondary.
 */
export async function observeRevision(
    primary: AuthoringClient,
    secondary: AuthoringClient,
    details: ProjectMetadata,
    secondaryProjectName: string,
    previous: PrimaryRevision | undefined,
    /** How to wait for the export, on `clock` (the system's unless given). */
    settings: Pick<ReplicationArgs, "polling" | "timeoutMinutes"> & { clock?: Clock },
    log: ResourceLog,
    /** Hears of the primary's export when one was made (its documents are observed from it). */
    onExport: (file: ExportedFile) => void,
): Promise<PrimaryRevision> {
    const { lastModifiedDateTime } = details;
    if (previous?.lastModifiedDateTime === lastModifiedDateTime) return previous;
    if (!previous)
        return { lastModifiedDateTime, changes: "first copy: exported, imported, trained and deployed by the create" };
    const context = operationContextFor(settings, "export", log, settings.clock);
    const current = await exportPrimary(primary, details, context);
    onExport(current);
    const { contentHash, items } = current.fingerprint;
    const revision = { lastModifiedDateTime, contentHash, items };
    if (previous.contentHash === contentHash) {
        return { ...revision, changes: "none: the primary was saved without content changes; nothing to retrain" };
    }
    if (!(await secondary.findProject(secondaryProjectName))) {
        const counts = Object.entries(items).map(([list, count]) => `${count} ${list}`);
        return { ...revision, changes: `first copy: ${counts.join(", ") || "no items"}` };
    }
    return withExport(secondary, secondaryProjectName, context, async (replica) => {
        if (replica.fingerprint.contentHash === contentHash) {
            return { ...revision, changes: "none: the secondary already holds this content" };
        }
        const changes = diffContent(replica.fingerprint.index, current.fingerprint.index);
        const nameOf = await readItemNames(shownItems(changes), {
            before: { path: replica.path, index: replica.fingerprint.index },
            after: { path: current.path, index: current.fingerprint.index },
        });
        const fields = changedFields(replica.fingerprint.metadataFields, current.fingerprint.metadataFields);
        return { ...revision, changes: describeChanges(changes, nameOf, fields) };
    });
}
