import type { ErrorDetail } from "../../../provider/contract";
import { markModified } from "../../domain/projects";
import { jobErrors } from "../../errors";
import type { StoredJob, StoredProject } from "../../state/state-schema";
import type { JobEnvironment, OperationOf } from "../job-environment";

/** Removes the project with its models and deployments. */
export async function runDeleteProject(job: StoredJob, env: JobEnvironment): Promise<ErrorDetail[]> {
    delete env.state.projects[job.projectName];
    return [];
}

/** Makes a model's training data the working copy again: an authoring edit like any other. */
export async function runLoadSnapshot(
    project: StoredProject,
    operation: OperationOf<"loadSnapshot">,
    env: JobEnvironment,
): Promise<ErrorDetail[]> {
    const model = project.models[operation.modelLabel];
    if (model === undefined) {
        return [jobErrors.notFound("trained model", operation.modelLabel)];
    }
    project.assets = structuredClone(model.snapshot.assets);
    markModified(project, env.now);
    return [];
}
