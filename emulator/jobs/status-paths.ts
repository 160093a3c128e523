import type { ApiFamily } from "../../provider/contract";
import type { JobOperation } from "../state/state-schema";

/** The status URL path of each kind of job, below the resource endpoint (CONTRACT.md section 2). */
export function statusPathOf(family: ApiFamily, projectName: string, operation: JobOperation, jobId: string): string {
    const projects = `/language/authoring/${family}/projects`;
    const project = `${projects}/${encodeURIComponent(projectName)}`;
    switch (operation.kind) {
        case "export":
            return `${project}/export/jobs/${jobId}`;
        case "import":
            return `${project}/import/jobs/${jobId}`;
        case "train":
            return `${project}/train/jobs/${jobId}`;
        // Deleting a deployment reports under the same path as deploying it.
        case "deploy":
        case "deleteDeployment":
            return `${project}/deployments/${encodeURIComponent(operation.deploymentName)}/jobs/${jobId}`;
        case "swap":
            return `${project}/deployments/swap/jobs/${jobId}`;
        // Not under the project: the project is gone when the job is polled.
        case "deleteProject":
            return `${projects}/global/deletion-jobs/${jobId}`;
        case "loadSnapshot":
            return `${project}/models/${encodeURIComponent(operation.modelLabel)}/load-snapshot/jobs/${jobId}`;
    }
}
