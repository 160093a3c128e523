import type { ErrorDetail } from "../../../provider/contract";
import type { StoredJob } from "../../state/state-schema";
import type { JobEnvironment } from "../job-environment";
import { runDeleteDeployment, runDeploy, runSwap } from "./deployments";
import { runExport } from "./export";
import { runImport } from "./import";
import { runDeleteProject, runLoadSnapshot } from "./project-lifecycle";
import { runTraining } from "./train";

/** Does what the job was started for; the errors it returns make the job fail. */
export function runEffect(job: StoredJob, env: JobEnvironment): Promise<ErrorDetail[]> {
    const operation = job.operation;
    switch (operation.kind) {
        case "export":
            return runExport(job, operation, env);
        case "import":
            return runImport(job, operation, env);
        case "train":
            return runTraining(job, operation, env);
        case "deploy":
            return runDeploy(job, operation, env);
        case "deleteDeployment":
            return runDeleteDeployment(job, operation, env);
        case "swap":
            return runSwap(job, operation, env);
        case "deleteProject":
            return runDeleteProject(job, env);
        case "loadSnapshot":
            return runLoadSnapshot(job, operation, env);
    }
}
