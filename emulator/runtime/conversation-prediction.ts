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
import { spanMeasure, type Span } from "./string-index";

/** A CLU project's `prediction`, in the key order of the specs' examples. */
export function predictConversation(
    predictor: PredictorOf<"Conversation">,
    query: string,
    indexType: RuntimeStringIndexType | undefined,
): ConversationPrediction {
    const { topIntent, intents } = predictIntents(predictor, query);
    const measure = spanMeasure(query, indexType);
    return {
        topIntent,
        projectKind: "Conversation",
        intents: intents.map(intentOf),
        entities: predictUtteranceEntities(predictor, query).map((span) => entityOf(query, span, measure)),
    };
}

function intentOf({ label, score }: LabelScore): IntentPrediction {
    return { category: label, confidenceScore: score };
}

function entityOf(query: string, span: ScoredSpan, measure: (span: Span) => Span): EntityPrediction {
    return {
        category: span.category,
        text: query.slice(span.offset, span.offset + span.length),
        ...measure(span),
        confidenceScore: span.confidence,
    };
}
