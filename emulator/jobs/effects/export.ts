import type { ErrorDetail } from "../../../provider/contract";
import { resolveApiVersion } from "../../api/api-version-features";
import { buildProjectFile } from "../../domain/project-file";
import { jobErrors } from "../../errors";
import type { StoredJob, StoredProject } from "../../state/state-schema";
import type { OperationOf } from "../job-environment";

/** Writes the project file (of the working copy, or of a model's snapshot) when the job finishes. */
export async function runExport(
    project: StoredProject,
    operation: OperationOf<"export">,
    job: StoredJob,
): Promise<ErrorDetail[]> {
    const label = operation.trainedModelLabel;
    const content = label === undefined ? project : project.models[label]?.snapshot;
    if (content === undefined) {
        return [jobErrors.notFound("trained model", label!)];
    }
    const unknownEntityFields = resolveApiVersion(job.family, job.apiVersion)?.features.unknownEntityFields ?? [];
    operation.exportedFile = buildProjectFile(content, job.apiVersion, unknownEntityFields);
    return [];
}
