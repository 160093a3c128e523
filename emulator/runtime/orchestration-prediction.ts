import type {
    ConversationTaskParameters,
    OrchestrationPrediction,
    OrchestrationTarget,
    TargetIntentResult,
} from "../../provider/contract";
import { httpErrors } from "../errors";
import { predictIntents, type IntentRanking } from "../model/predict";
import type { PredictorOf } from "../model/predictor";
import { predictConversation } from "./conversation-prediction";

/** The CLU predictor a target names on the same resource, if it is deployed there. */
export type TargetLookup = (
    projectName: string,
    deploymentName: string,
) => Promise<PredictorOf<"Conversation"> | undefined>;

/**
 * An orchestration project's `prediction`: every intent with its score and target kind; the top
 * intent, when it routes to a CLU deployment of the same resource, also carries that project's
 * answer as `result` (as SuccessfulAnalyzeConversationsArbitration shows). A target that is not
 * deployed (or a LUIS or question answering target, which the emulator does not host) gives no
 * `result`: the specs make it optional. `directTarget` skips the routing.
 */
export async function predictOrchestration(
    predictor: PredictorOf<"Orchestration">,
    query: string,
    parameters: ConversationTaskParameters,
    findTarget: TargetLookup,
): Promise<OrchestrationPrediction> {
    const ranking =
        parameters.directTarget === undefined
            ? predictIntents(predictor, query)
            : directRanking(predictor, parameters.directTarget);
    const intents: Record<string, TargetIntentResult> = {};
    for (const { label, score } of ranking.intents) {
        const target = predictor.targets.find((routed) => routed.intent === label)?.target;
        const routed = target?.targetProjectKind === "Conversation" && label === ranking.topIntent;
        const conversation = routed
            ? await findTarget(
                  target.conversationOrchestration.projectName,
                  target.conversationOrchestration.deploymentName,
              )
            : undefined;
        intents[label] = {
            confidenceScore: score,
            targetProjectKind: target?.targetProjectKind ?? "NonLinked",
            ...(conversation === undefined
                ? {}
                : {
                      result: {
                          query,
                          prediction: predictConversation(conversation, query, parameters.stringIndexType),
                      },
                  }),
        } as TargetIntentResult;
    }
    return { topIntent: ranking.topIntent, projectKind: "Orchestration", intents };
}

/** The intent whose target project (or LUIS app) is the direct target, as certain as can be. */
function directRanking(predictor: PredictorOf<"Orchestration">, directTarget: string): IntentRanking {
    const intent = predictor.targets.find(({ target }) => targetName(target) === directTarget)?.intent;
    if (intent === undefined) {
        throw httpErrors.invalidParameter(
            "parameters.directTarget",
            `The direct target "${directTarget}" is not a target of this orchestration project.`,
        );
    }
    return { topIntent: intent, intents: [{ label: intent, score: 1 }] };
}

function targetName(target: OrchestrationTarget): string {
    switch (target.targetProjectKind) {
        case "Conversation":
            return target.conversationOrchestration.projectName;
        case "QuestionAnswering":
            return target.questionAnsweringOrchestration.projectName;
        case "Luis":
            return target.luisOrchestration.appId;
    }
}
