import type { AuthoringClient, StartedJob } from "../client/authoring-client";
import type { ExportedProject } from "../contract";
import { type ExportedFileOnDisk, renamedImportBody } from "../project-file/renamed-import-body";
import { awaitJob } from "./await-job";
import type { OperationContext } from "./operation-context";

const importing = (client: AuthoringClient, project: string) =>
    `importing project "${project}" into ${client.transport.resourceLabel}`;

/** Starts importing a project file under `project` (renamed when the replica has another name). */
export function startImport(
    client: AuthoringClient,
    project: string,
    file: ExportedProject,
    signal?: AbortSignal,
): Promise<StartedJob> {
    return client.startImport(project, { ...file, metadata: { ...file.metadata, projectName: project } }, signal);
}

/** Waits for an import, started by this run or by an earlier one. */
export async function awaitImport(
    client: AuthoringClient,
    project: string,
    statusUrl: string,
    context: OperationContext,
): Promise<void> {
    await awaitJob(client, statusUrl, importing(client, project), "import", context);
}

/** Starts importing an export file from disk under `project`, read as it is sent. */
export function startImportOfFile(
    client: AuthoringClient,
    project: string,
    file: ExportedFileOnDisk,
    signal?: AbortSignal,
): Promise<StartedJob> {
    return client.startImportUpload(project, renamedImportBody(file, project), signal);
}
