import type { AuthoringClient } from "../client/authoring-client";
import type { ExportedProject } from "../contract";
import { awaitJob } from "./await-job";
import type { OperationContext } from "./operation-context";

/**
 * Exports a project's working copy and downloads the file. Only the export trigger (a POST that
 * changes nothing) and GETs reach the resource, so this is safe against the read-only primary.
 * Not resumable: an export is cheap and the file is needed now.
 */
export async function exportProject(
    client: AuthoringClient,
    project: string,
    context: OperationContext,
): Promise<ExportedProject> {
    const operation = `exporting project "${project}" from ${client.transport.resourceLabel}`;
    const { statusUrl } = await client.startExport(project, {}, context.signal);
    const job = await awaitJob(client, statusUrl, operation, context);
    if (!job.resultUrl) throw new Error(`${operation}: job ${job.jobId} succeeded without a resultUrl`);
    return client.getExportedProject(job.resultUrl, context.signal);
}
