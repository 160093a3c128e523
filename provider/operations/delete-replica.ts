import type { AuthoringClient } from "../client/authoring-client";
import { awaitJob } from "./await-job";
import type { OperationContext } from "./operation-context";

/**
 * Removes the replica from the secondary: first its deployment, then the project (which takes
 * its models with it), waiting for each deletion job. What is already gone is skipped, so a
 * delete interrupted half-way completes on the next run.
 */
export async function deleteReplica(
    client: AuthoringClient,
    project: string,
    deployment: string,
    context: OperationContext,
): Promise<void> {
    const where = client.transport.resourceLabel;
    if (await client.findDeployment(project, deployment, context.signal)) {
        context.log(`deleting deployment "${deployment}" of "${project}" on ${where}`);
        const { statusUrl } = await client.startDeleteDeployment(project, deployment, context.signal);
        await awaitJob(
            client,
            statusUrl,
            `deleting deployment "${deployment}" of "${project}" on ${where}`,
            "delete",
            context,
        );
    }
    if (await client.findProject(project, context.signal)) {
        context.log(`deleting project "${project}" on ${where}`);
        const { statusUrl } = await client.startDeleteProject(project, context.signal);
        await awaitJob(client, statusUrl, `deleting project "${project}" on ${where}`, "delete", context);
    }
}
