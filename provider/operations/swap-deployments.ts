import type { AuthoringClient, StartedJob } from "../client/authoring-client";
import { awaitJob } from "./await-job";
import type { OperationContext } from "./operation-context";

const swapping = (client: AuthoringClient, project: string, first: string, second: string) =>
    `swapping deployments "${first}" and "${second}" of "${project}" on ${client.transport.resourceLabel}`;

/** Starts the service's swap: each deployment takes the other's model, in one step. */
export function startSwap(
    client: AuthoringClient,
    project: string,
    first: string,
    second: string,
    signal?: AbortSignal,
): Promise<StartedJob> {
    return client.startSwapDeployments(project, { firstDeploymentName: first, secondDeploymentName: second }, signal);
}

/** Waits for a swap, started by this run or by an earlier one. */
export async function awaitSwap(
    client: AuthoringClient,
    project: string,
    [first, second]: readonly [string, string],
    statusUrl: string,
    context: OperationContext,
): Promise<void> {
    await awaitJob(client, statusUrl, swapping(client, project, first, second), "swap", context);
}
