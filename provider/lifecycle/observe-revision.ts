import type { AuthoringClient } from "../client/authoring-client";
import type { ExportedProject, ProjectMetadata } from "../contract";
import { exportProject } from "../operations/export-project";
import { contentHashOf, countItems, describeChanges, indexContent } from "../plan/content-fingerprint";
import type { PrimaryRevision, ReplicationArgs } from "./inputs";
import { operationContextFor } from "./operation-context-for";
import type { ResourceLog } from "./resource-log";

/**
 * What the primary's current revision is and what it changed. The export (and its hash) is
 * only redone when `lastModifiedDateTime` moved since the revision recorded last time; what
 * changed is told against the content the secondary holds, exported from the secondary.
 */
export async function observeRevision(
    primary: AuthoringClient,
    secondary: AuthoringClient,
    details: ProjectMetadata,
    secondaryProjectName: string,
    previous: PrimaryRevision | undefined,
    settings: Pick<ReplicationArgs, "polling" | "timeoutMinutes">,
    log: ResourceLog,
    /** Hears of the primary's export when one was made (its documents are observed from it). */
    onExport?: (file: ExportedProject) => void,
): Promise<PrimaryRevision> {
    if (previous && previous.lastModifiedDateTime === details.lastModifiedDateTime) return previous;
    const file = await exportProject(primary, details.projectName, operationContextFor(settings, "export", log));
    onExport?.(file);
    const contentHash = contentHashOf(file);
    const revision = { lastModifiedDateTime: details.lastModifiedDateTime, contentHash, items: countItems(file) };
    if (previous?.contentHash === contentHash) {
        return { ...revision, changes: "none: the primary was saved without content changes; nothing to retrain" };
    }
    if (!(await secondary.findProject(secondaryProjectName))) {
        const counts = Object.entries(revision.items).map(([list, count]) => `${count} ${list}`);
        return { ...revision, changes: `first copy: ${counts.join(", ") || "no items"}` };
    }
    const replica = await exportProject(secondary, secondaryProjectName, operationContextFor(settings, "export", log));
    if (contentHashOf(replica) === contentHash) {
        return { ...revision, changes: "none: the secondary already holds this content" };
    }
    return { ...revision, changes: describeChanges(indexContent(replica), indexContent(file)) };
}
