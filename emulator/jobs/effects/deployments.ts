import type { ErrorDetail } from "../../../provider/contract";
import { deploymentExpirationDate } from "../../catalog/training-configs";
import { jobErrors } from "../../errors";
import type { StoredProject } from "../../state/state-schema";
import type { JobEnvironment, OperationOf } from "../job-environment";

/**
 * Creates or replaces the deployment with the model as it is now; the deployment keeps that
 * model's predictor, so training the label again changes nothing it answers until redeployed.
 */
export async function runDeploy(
    project: StoredProject,
    operation: OperationOf<"deploy">,
    env: JobEnvironment,
): Promise<ErrorDetail[]> {
    const model = project.models[operation.modelLabel];
    if (model === undefined) {
        return [jobErrors.notFound("trained model", operation.modelLabel)];
    }
    project.deployments[operation.deploymentName] = {
        deploymentName: operation.deploymentName,
        modelLabel: model.label,
        modelId: model.modelId,
        modelTrainedMs: model.trainedMs,
        deployedMs: env.now,
        trainingConfigVersion: model.trainingConfigVersion,
        expirationDate: deploymentExpirationDate(model.expirationDate),
        ...(model.trained === undefined ? {} : { predictor: model.trained.predictor }),
    };
    return [];
}

export async function runDeleteDeployment(
    project: StoredProject,
    operation: OperationOf<"deleteDeployment">,
): Promise<ErrorDetail[]> {
    if (project.deployments[operation.deploymentName] === undefined) {
        return [jobErrors.notFound("deployment", operation.deploymentName)];
    }
    delete project.deployments[operation.deploymentName];
    return [];
}

/** Each deployment takes the other's model; both count as deployed now. */
export async function runSwap(
    project: StoredProject,
    operation: OperationOf<"swap">,
    env: JobEnvironment,
): Promise<ErrorDetail[]> {
    const missing = missingDeployments(project, [operation.firstDeploymentName, operation.secondDeploymentName]);
    if (missing.length > 0) {
        return missing.map((name) => jobErrors.notFound("deployment", name));
    }
    const first = project.deployments[operation.firstDeploymentName]!;
    const second = project.deployments[operation.secondDeploymentName]!;
    project.deployments[first.deploymentName] = {
        ...second,
        deploymentName: first.deploymentName,
        deployedMs: env.now,
    };
    project.deployments[second.deploymentName] = {
        ...first,
        deploymentName: second.deploymentName,
        deployedMs: env.now,
    };
    return [];
}

function missingDeployments(project: StoredProject, names: readonly string[]): string[] {
    return names.filter((name) => project.deployments[name] === undefined);
}
