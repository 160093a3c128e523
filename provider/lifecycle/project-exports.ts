import * as fs from "node:fs";
import type { AuthoringClient } from "../client/authoring-client";
import { type ExportedProject, exportedProjectSchema, type ProjectMetadata, parseContract } from "../contract";
import { exportCache, type KeptExport, revisionKey } from "../export-cache/export-cache";
import { exportProject } from "../operations/export-project";
import type { OperationContext } from "../operations/operation-context";
import { type ExportedFile, readExportedFile } from "../project-file/exported-file";

/**
 * Where exports go and how they are reused: `check` exports a primary that moved and keeps the
 * file for the `update` that follows in the same process, which imports it instead of exporting
 * again (one export of the primary per change); exports of the secondary, made only to compare
 * content, are read and removed at once.
 */

/** Exports a project into the cache's private folder and reads it once; the caller keeps or discards the file. */
async function exportAndRead(
    client: AuthoringClient,
    project: string,
    context: OperationContext,
    fingerprintedAs?: (metadata: Record<string, unknown>) => Record<string, unknown>,
) {
    const path = exportCache.newFile();
    try {
        await exportProject(client, project, path, context);
        return await readExportedFile(path, fingerprintedAs);
    } catch (error) {
        exportCache.discard({ path });
        throw error;
    }
}

/** The export as the cache keeps it: the item index is rebuilt from the file when it is needed again. */
function keptOf(file: ExportedFile): KeptExport {
    const { index: _index, ...fingerprint } = file.fingerprint;
    return { ...file, fingerprint };
}

function revisionOf(primary: AuthoringClient, projectName: string, lastModifiedDateTime?: string) {
    const { endpoint } = primary.transport;
    return revisionKey({ endpoint, apiVersion: primary.apiVersion, projectName, lastModifiedDateTime });
}

/**
 * For `check`: the primary's current revision, exported and kept for the update, with its
 * fingerprint. When another replica's check already exported this revision (two replicas of one
 * primary project), its file is read again instead.
 */
export async function exportPrimary(
    primary: AuthoringClient,
    details: ProjectMetadata,
    context: OperationContext,
): Promise<ExportedFile> {
    const key = revisionOf(primary, details.projectName, details.lastModifiedDateTime);
    const kept = exportCache.claim(key);
    if (kept) {
        const reread = await readExportedFile(kept.path).catch(() => undefined);
        // Evicted between the claim and the read: export it again.
        if (reread) return reread;
    }
    const file = await exportAndRead(primary, details.projectName, context);
    exportCache.keep(key, keptOf(file));
    return file;
}

/** Exports a project only to read it (the secondary's content, to compare), and removes the file once `use` is done with it. */
export async function withExport<T>(
    client: AuthoringClient,
    project: string,
    context: OperationContext,
    use: (file: ExportedFile) => Promise<T>,
    /** The metadata as it is fingerprinted (see readExportedFile). */
    fingerprintedAs?: (metadata: Record<string, unknown>) => Record<string, unknown>,
): Promise<T> {
    const file = await exportAndRead(client, project, context, fingerprintedAs);
    try {
        return await use(file);
    } finally {
        exportCache.discard(file);
    }
}

/**
 * For an import: the primary's export that check kept, while the primary has not moved since
 * (its lastModifiedDateTime, one GET, says so), else a new export. The caller imports it and
 * then calls `exportCache.discard`.
 */
export async function primaryExportForImport(
    primary: AuthoringClient,
    projectName: string,
    context: OperationContext,
): Promise<KeptExport> {
    if (exportCache.hasAny(revisionOf(primary, projectName))) {
        const { lastModifiedDateTime } = await primary.getProject(projectName, context.signal);
        const kept = exportCache.take(revisionOf(primary, projectName, lastModifiedDateTime));
        if (kept) {
            context.log(
                `reusing the export check made of revision ${lastModifiedDateTime} (the primary has not moved since)`,
            );
            return kept;
        }
    }
    return keptOf(await exportAndRead(primary, projectName, context));
}

/**
 * Exports a project and parses it whole, for what needs every item at hand (the gate's parity
 * sample of the replica's working copy); the file is removed once read. Not for the primary's
 * exports, which are read piece by piece.
 */
export async function exportWholeProject(
    client: AuthoringClient,
    project: string,
    context: OperationContext,
): Promise<ExportedProject> {
    const path = exportCache.newFile();
    try {
        await exportProject(client, project, path, context);
        const json: unknown = JSON.parse(await fs.promises.readFile(path, "utf8"));
        return parseContract(exportedProjectSchema, json, `the export of "${project}"`);
    } finally {
        exportCache.discard({ path });
    }
}
