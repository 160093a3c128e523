import type {
    ConversationPrediction,
    EntityPrediction,
    IntentPrediction,
    RuntimeStringIndexType,
} from "../../provider/contract";
import type { ScoredSpan } from "../model/label-span";
import type { LabelScore } from "../model/naive-bayes";
import { predictIntents, predictUtteranceEntities } from "../model/predict";
import type { PredictorOf } from "../model/predictor";
import { measureSpan } from "./string-index";

/** A CLU project's `prediction`, in the key order of the specs' examples. */
export function predictConversation(
    predictor: PredictorOf<"Conversation">,
    query: string,
    indexType: RuntimeStringIndexType | undefined,
): ConversationPrediction {
    const { topIntent, intents } = predictIntents(predictor, query);
    return {
        topIntent,
        projectKind: "Conversation",
        intents: intents.map(intentOf),
        entities: predictUtteranceEntities(predictor, query).map((span) => entityOf(query, span, indexType)),
    };
}

function intentOf({ label, score }: LabelScore): IntentPrediction {
    return { category: label, confidenceScore: score };
}

function entityOf(query: string, span: ScoredSpan, indexType: RuntimeStringIndexType | undefined): EntityPrediction {
    return {
        category: span.category,
        text: query.slice(span.offset, span.offset + span.length),
        ...measureSpan(query, span, indexType),
        confidenceScore: span.confidence,
    };
}
