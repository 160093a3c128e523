import { findComponentEntities, requiredComponentsOf, type ComponentSpan } from "./entity-components";
import { findLearnedEntities, type EntityModel } from "./entity-model";
import { resolveEntities } from "./entity-resolution";
import type { ScoredSpan } from "./label-span";
import { rankLabels, scoreEachLabel, type LabelScore } from "./naive-bayes";
import type { PredictorOf } from "./predictor";
import { featuresOf } from "./text-features";

// What a trained predictor answers for one text. Evaluation and the runtime API both call these,
// so an evaluated item's prediction is what the runtime answers for the same text.

export type IntentPredictor = PredictorOf<"Conversation"> | PredictorOf<"Orchestration">;
export type ClassPredictor =
    PredictorOf<"CustomSingleLabelClassification"> | PredictorOf<"CustomMultiLabelClassification">;

/** The project's `None` intent, which CLU answers when no intent is confident enough. */
export const noneIntent = "None";

export interface IntentRanking {
    readonly topIntent: string;
    /** Every intent, most likely first. */
    readonly intents: readonly LabelScore[];
}

export function predictIntents(predictor: IntentPredictor, text: string): IntentRanking {
    const intents = rankLabels(predictor.intents, featuresOf(text));
    const top = intents[0];
    return {
        topIntent: top !== undefined && top.score >= predictor.confidenceThreshold ? top.label : noneIntent,
        intents,
    };
}

/** Learned spans plus list and regex matches, resolved into non-overlapping entities. */
export function predictUtteranceEntities(predictor: PredictorOf<"Conversation">, text: string): ScoredSpan[] {
    const candidates: ComponentSpan[] = [
        ...learned(predictor.entities, text),
        ...findComponentEntities(predictor.components, text),
    ];
    return resolveEntities(candidates, predictor.entities.categories, requiredComponentsOf(predictor.components));
}

export function predictDocumentEntities(predictor: PredictorOf<"CustomEntityRecognition">, text: string): ScoredSpan[] {
    return resolveEntities(learned(predictor.entities, text), predictor.entities.categories);
}

function learned(model: EntityModel, text: string): ComponentSpan[] {
    return findLearnedEntities(model, text).map((span) => ({ ...span, component: "learned" }));
}

/** A multi-label class counts when it is more likely than not. */
const multiLabelThreshold = 0.5;

/** Single-label: the one most likely class. Multi-label: every class more likely than not, most likely first. */
export function predictClasses(predictor: ClassPredictor, text: string): LabelScore[] {
    const features = featuresOf(text);
    if (predictor.projectKind === "CustomSingleLabelClassification") {
        return rankLabels(predictor.classes, features).slice(0, 1);
    }
    return scoreEachLabel(predictor.classes, features).filter((scored) => scored.score >= multiLabelThreshold);
}
