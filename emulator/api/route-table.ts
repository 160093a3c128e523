import type { Route } from "./router";
import { cancelTraining, listTrainingJobs, startTraining } from "./routes/training";
import { deleteDeployment, getDeployment, listDeployments, putDeployment, swapDeployments } from "./routes/deployments";
import { getExportResult, startExport, startImport } from "./routes/export-import";
import { listLanguages, listPrebuiltEntities, listTrainingConfigVersions } from "./routes/global";
import { getJobStatus } from "./routes/jobs";
import {
    deleteModel,
    getEvaluationResults,
    getEvaluationSummary,
    getModel,
    listModels,
    loadSnapshot,
} from "./routes/models";
import { deleteProject, getProject, listProjects, patchProject } from "./routes/projects";
import { listAssignedDeployments, listProjectResources } from "./routes/resources";

/**
 * Every operation of CONTRACT.md section 3, for both families. Order matters where literal
 * segments compete with parameters: `global/...` before `{projectName}`, `deployments/swap/...`
 * and `deployments/:swap` before `deployments/{deploymentName}`.
 */
export const routeTable: readonly Route[] = [
    { method: "GET", pattern: "global/deletion-jobs/{jobId}", handler: getJobStatus },
    { method: "GET", pattern: "global/languages", handler: listLanguages },
    { method: "GET", pattern: "global/training-config-versions", handler: listTrainingConfigVersions },
    { method: "GET", pattern: "global/prebuilt-entities", handler: listPrebuiltEntities, requires: "prebuiltEntities" },
    {
        method: "GET",
        pattern: "global/deployments/resources",
        handler: listAssignedDeployments,
        requires: "deploymentResources",
    },

    { method: "GET", pattern: "", handler: listProjects },
    { method: "GET", pattern: "{projectName}", handler: getProject },
    { method: "PATCH", pattern: "{projectName}", handler: patchProject },
    { method: "DELETE", pattern: "{projectName}", handler: deleteProject },

    { method: "POST", pattern: "{projectName}/:export", handler: startExport },
    { method: "GET", pattern: "{projectName}/export/jobs/{jobId}", handler: getJobStatus },
    { method: "GET", pattern: "{projectName}/export/jobs/{jobId}/result", handler: getExportResult },
    { method: "POST", pattern: "{projectName}/:import", handler: startImport },
    { method: "GET", pattern: "{projectName}/import/jobs/{jobId}", handler: getJobStatus },

    { method: "POST", pattern: "{projectName}/:train", handler: startTraining },
    { method: "GET", pattern: "{projectName}/train/jobs", handler: listTrainingJobs },
    { method: "GET", pattern: "{projectName}/train/jobs/{jobId}", handler: getJobStatus },
    { method: "POST", pattern: "{projectName}/train/jobs/{jobId}/:cancel", handler: cancelTraining },

    {
        method: "GET",
        pattern: "{projectName}/resources",
        handler: listProjectResources,
        requires: "deploymentResources",
    },

    { method: "GET", pattern: "{projectName}/deployments", handler: listDeployments },
    { method: "POST", pattern: "{projectName}/deployments/:swap", handler: swapDeployments },
    { method: "GET", pattern: "{projectName}/deployments/swap/jobs/{jobId}", handler: getJobStatus },
    { method: "GET", pattern: "{projectName}/deployments/{deploymentName}", handler: getDeployment },
    { method: "PUT", pattern: "{projectName}/deployments/{deploymentName}", handler: putDeployment },
    { method: "DELETE", pattern: "{projectName}/deployments/{deploymentName}", handler: deleteDeployment },
    { method: "GET", pattern: "{projectName}/deployments/{deploymentName}/jobs/{jobId}", handler: getJobStatus },

    { method: "GET", pattern: "{projectName}/models", handler: listModels },
    { method: "GET", pattern: "{projectName}/models/{trainedModelLabel}", handler: getModel },
    { method: "DELETE", pattern: "{projectName}/models/{trainedModelLabel}", handler: deleteModel },
    {
        method: "POST",
        pattern: "{projectName}/models/{trainedModelLabel}/:load-snapshot",
        handler: loadSnapshot,
        requires: "loadSnapshot",
    },
    {
        method: "GET",
        pattern: "{projectName}/models/{trainedModelLabel}/load-snapshot/jobs/{jobId}",
        handler: getJobStatus,
        requires: "loadSnapshot",
    },
    {
        method: "GET",
        pattern: "{projectName}/models/{trainedModelLabel}/evaluation/summary-result",
        handler: getEvaluationSummary,
    },
    {
        method: "GET",
        pattern: "{projectName}/models/{trainedModelLabel}/evaluation/result",
        handler: getEvaluationResults,
    },
];
