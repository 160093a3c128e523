import { conversationTaskSchema } from "../../provider/contract";
import { readBody } from "../api/request-body";
import { httpErrors } from "../errors";
import { ok, type HttpResponse } from "../http/messages";
import type { Predictor, PredictorOf } from "../model/predictor";
import { predictConversation } from "./conversation-prediction";
import { findDeployedPredictor, type DeploymentLookup } from "./deployed-predictor";
import { predictOrchestration } from "./orchestration-prediction";
import type { RuntimeContext } from "./runtime-context";
import { textElementCount } from "./string-index";

/** Learn, CLU service limits: an utterance sent for prediction has 1 to 1,000 characters. */
const maxQueryLength = 1000;

/** `POST /language/:analyze-conversations`: one utterance, answered by a CLU or orchestration deployment. */
export async function analyzeConversation(ctx: RuntimeContext): Promise<HttpResponse> {
    const task = readBody(ctx, conversationTaskSchema);
    const query = task.analysisInput.conversationItem.text;
    const length = textElementCount(query);
    if (length === 0 || length > maxQueryLength) {
        throw httpErrors.invalidParameter(
            "analysisInput.conversationItem.text",
            `The text must have 1 to ${maxQueryLength} characters; it has ${length}.`,
        );
    }
    const { projectName, deploymentName, stringIndexType } = task.parameters;
    const predictor = await requirePredictor(ctx, projectName, deploymentName);
    const prediction =
        predictor.projectKind === "Conversation"
            ? predictConversation(predictor, query, stringIndexType)
            : await predictOrchestration(predictor, query, task.parameters, (project, deployment) =>
                  findTarget(ctx, project, deployment),
              );
    return ok({ kind: "ConversationResult", result: { query, prediction } });
}

/** Unverified: the specs list ProjectNotFound and NotFound, but no runtime example of either. */
async function requirePredictor(
    ctx: RuntimeContext,
    projectName: string,
    deploymentName: string,
): Promise<PredictorOf<"Conversation"> | PredictorOf<"Orchestration">> {
    const lookup = await lookUp(ctx, projectName, deploymentName);
    if (lookup.kind === "missing") {
        throw lookup.what === "project"
            ? httpErrors.projectNotFound(lookup.name)
            : httpErrors.notFound("deployment", lookup.name);
    }
    if (!isConversationPredictor(lookup.predictor)) {
        throw httpErrors.internal(`The project "${projectName}" is not a conversation project.`);
    }
    return lookup.predictor;
}

async function findTarget(
    ctx: RuntimeContext,
    projectName: string,
    deploymentName: string,
): Promise<PredictorOf<"Conversation"> | undefined> {
    const lookup = await lookUp(ctx, projectName, deploymentName);
    return lookup.kind === "found" && lookup.predictor.projectKind === "Conversation" ? lookup.predictor : undefined;
}

function lookUp(ctx: RuntimeContext, projectName: string, deploymentName: string): Promise<DeploymentLookup> {
    return findDeployedPredictor(ctx.state, ctx.resource, "analyze-conversations", projectName, deploymentName);
}

function isConversationPredictor(
    predictor: Predictor,
): predictor is PredictorOf<"Conversation"> | PredictorOf<"Orchestration"> {
    return predictor.projectKind === "Conversation" || predictor.projectKind === "Orchestration";
}
