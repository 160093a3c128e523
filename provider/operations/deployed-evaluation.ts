import type { AuthoringClient } from "../client/authoring-client";
import { type EvaluationScores, summarizeEvaluation } from "../contract";

/**
 * The evaluation of the model a deployment serves, with GETs only (the primary is read-only):
 * the deployment names its model by id, the model list gives its label, the label its summary.
 */
export async function deployedModelEvaluation(
    client: AuthoringClient,
    project: string,
    deployment: string,
    signal?: AbortSignal,
): Promise<EvaluationScores> {
    const where = `deployment "${deployment}" of "${project}" on ${client.transport.resourceLabel}`;
    const deployed = await client.getDeployment(project, deployment, signal);
    const model = (await client.listModels(project, signal)).find((item) => item.modelId === deployed.modelId);
    if (!model) throw new Error(`reading the evaluation of ${where}: its model ${deployed.modelId} is not listed`);
    return summarizeEvaluation(await client.getEvaluationSummary(project, model.label, signal));
}
