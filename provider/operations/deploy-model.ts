import type { AuthoringClient, StartedJob } from "../client/authoring-client";
import { awaitJob } from "./await-job";
import type { OperationContext } from "./operation-context";

/** The deployment as outputs show it. */
export interface Deployment {
    name: string;
    modelId: string;
    lastDeployedDateTime: string;
    expirationDate: string;
    /** The training configuration of the model it serves: the deployment expires 12 months after it does. */
    trainingConfigVersion: string;
}

const deploying = (client: AuthoringClient, project: string, deployment: string) =>
    `deploying "${deployment}" of "${project}" on ${client.transport.resourceLabel}`;

/** Creates or replaces the deployment so that it serves the model with this label. */
export function startDeploy(
    client: AuthoringClient,
    project: string,
    deployment: string,
    modelLabel: string,
    signal?: AbortSignal,
): Promise<StartedJob> {
    return client.startDeploy(project, deployment, { trainedModelLabel: modelLabel }, signal);
}

/** Waits for a deployment job, started by this run or by an earlier one. */
export async function awaitDeploy(
    client: AuthoringClient,
    project: string,
    deployment: string,
    statusUrl: string,
    context: OperationContext,
): Promise<void> {
    await awaitJob(client, statusUrl, deploying(client, project, deployment), "deploy", context);
}

/** Reads a deployment; undefined when it does not exist. */
export async function readDeployment(
    client: AuthoringClient,
    project: string,
    deployment: string,
    signal?: AbortSignal,
): Promise<Deployment | undefined> {
    const found = await client.findDeployment(project, deployment, signal);
    return (
        found && {
            name: found.deploymentName,
            modelId: found.modelId,
            lastDeployedDateTime: found.lastDeployedDateTime,
            expirationDate: found.deploymentExpirationDate,
            trainingConfigVersion: found.modelTrainingConfigVersion,
        }
    );
}
