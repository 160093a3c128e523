import type { AuthoringClient } from "../client/authoring-client";
import { awaitJob } from "./await-job";
import type { OperationContext } from "./operation-context";

/**
 * Exports a project's working copy into the file at `path`, written a chunk at a time as it
 * downloads. Only the export trigger (a POST that changes nothing) and GETs reach the
 * resource, so this is safe against the read-only primary. Not resumable: an export is cheap
 * and the file is needed now.
 */
export async function exportProject(
    client: AuthoringClient,
    project: string,
    path: string,
    context: OperationContext,
): Promise<void> {
    const operation = `exporting project "${project}" from ${client.transport.resourceLabel}`;
    const { statusUrl } = await client.startExport(project, {}, context.signal);
    const job = await awaitJob(client, statusUrl, operation, "export", context);
    if (!job.resultUrl) throw new Error(`${operation}: job ${job.jobId} succeeded without a resultUrl`);
    await client.downloadExportedProject(job.resultUrl, path, context.signal);
}
