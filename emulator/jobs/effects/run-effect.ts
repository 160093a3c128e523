import type { ErrorDetail } from "../../../provider/contract";
import { findProject } from "../../domain/projects";
import { jobErrors } from "../../errors";
import type { StoredJob } from "../../state/state-schema";
import type { JobEnvironment } from "../job-environment";
import { runDeleteDeployment, runDeploy, runSwap } from "./deployments";
import { runExport } from "./export";
import { runImport } from "./import";
import { runDeleteProject, runLoadSnapshot } from "./project-lifecycle";
import { runTraining } from "./train";

/** Does what the job was started for; the errors it returns make the job fail. */
export async function runEffect(job: StoredJob, env: JobEnvironment): Promise<ErrorDetail[]> {
    const operation = job.operation;
    if (operation.kind === "import") {
        return runImport(job, operation, env);
    }
    // Import may create its project; every other job acts on an existing one, which may have been deleted
    // since the trigger found it.
    const project = findProject(env.state, job.family, job.projectName);
    if (project === undefined) {
        return [jobErrors.projectNotFound(job.projectName)];
    }
    switch (operation.kind) {
        case "export":
            return runExport(project, operation, job);
        case "train":
            return runTraining(project, operation, env, job);
        case "deploy":
            return runDeploy(project, operation, env);
        case "deleteDeployment":
            return runDeleteDeployment(project, operation);
        case "swap":
            return runSwap(project, operation, env);
        case "deleteProject":
            return runDeleteProject(job, env);
        case "loadSnapshot":
            return runLoadSnapshot(project, operation, env);
    }
}
