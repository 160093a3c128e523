import type { Dataset, ProjectAssets } from "../../../provider/contract";
import type { EvaluationSplit, StoredModel } from "../../state/state-schema";
import { isMispredicted, selectTestItems } from "./test-set";

export interface LabelSpan {
    readonly category: string;
    readonly offset: number;
    readonly length: number;
}

/** One test item of a trained model with what it should be and what the model "predicts". */
export type EvaluatedItem =
    | {
          readonly kind: "utterance";
          readonly text: string;
          readonly language: string;
          readonly expectedIntent: string;
          readonly predictedIntent: string;
          readonly expectedEntities: readonly LabelSpan[];
          readonly predictedEntities: readonly LabelSpan[];
      }
    | {
          readonly kind: "singleLabel";
          readonly location: string;
          readonly language: string;
          readonly expectedClass: string;
          readonly predictedClass: string;
      }
    | {
          readonly kind: "multiLabel";
          readonly location: string;
          readonly language: string;
          readonly expectedClasses: readonly string[];
          readonly predictedClasses: readonly string[];
      }
    | {
          readonly kind: "entityRecognition";
          readonly location: string;
          readonly language: string;
          readonly regions: readonly {
              readonly regionOffset: number;
              readonly regionLength: number;
              readonly expected: readonly LabelSpan[];
              readonly predicted: readonly LabelSpan[];
          }[];
      };

/**
 * The emulator trains nothing: a prediction is the expected label, except for a stable fifth of
 * the items, where it is the next declared label (or one label short). Summary and per-item
 * results are both computed from this, so they always agree.
 */
export function evaluateModel(model: StoredModel): EvaluatedItem[] {
    const assets: ProjectAssets = model.snapshot.assets;
    const language = model.snapshot.metadata.language;
    const split = model.evaluationOptions;
    switch (assets.projectKind) {
        case "Conversation":
            return evaluateUtterances(assets.intents, assets.utterances ?? [], language, split);
        case "Orchestration": {
            // Orchestration utterances are labelled with an intent only; stray entity labels are ignored.
            const utterances = (assets.utterances ?? []).map(({ entities: _ignored, ...utterance }) => utterance);
            return evaluateUtterances(assets.intents, utterances, language, split);
        }
        case "CustomSingleLabelClassification": {
            const classes = (assets.classes ?? []).map((item) => item.category);
            const documents = selectTestItems(assets.documents ?? [], (d) => d.location, split);
            return documents.flatMap((document) => {
                const expected = document.class?.category;
                if (expected === undefined) {
                    return [];
                }
                const predicted = isMispredicted(document.location) ? nextOf(classes, expected) : expected;
                const item: EvaluatedItem = {
                    kind: "singleLabel",
                    location: document.location,
                    language: document.language,
                    expectedClass: expected,
                    predictedClass: predicted,
                };
                return [item];
            });
        }
        case "CustomMultiLabelClassification": {
            const documents = selectTestItems(assets.documents ?? [], (d) => d.location, split);
            return documents.map((document) => {
                const expected = (document.classes ?? []).map((item) => item.category);
                return {
                    kind: "multiLabel",
                    location: document.location,
                    language: document.language,
                    expectedClasses: expected,
                    predictedClasses: isMispredicted(document.location) ? expected.slice(0, -1) : expected,
                };
            });
        }
        case "CustomEntityRecognition": {
            const documents = selectTestItems(assets.documents ?? [], (d) => d.location, split);
            return documents.map((document) => {
                const wrong = isMispredicted(document.location);
                return {
                    kind: "entityRecognition",
                    location: document.location,
                    language: document.language,
                    regions: (document.entities ?? []).map((region) => {
                        const expected = spans(region.labels);
                        return {
                            regionOffset: region.regionOffset,
                            regionLength: region.regionLength,
                            expected,
                            predicted: wrong ? expected.slice(0, -1) : expected,
                        };
                    }),
                };
            });
        }
    }
}

interface LabelledUtterance {
    readonly text: string;
    readonly intent: string;
    readonly language?: string | undefined;
    readonly dataset?: Dataset | undefined;
    readonly entities?: readonly LabelSpan[] | undefined;
}

function evaluateUtterances(
    declaredIntents: readonly { category: string }[] | undefined,
    utterances: readonly LabelledUtterance[],
    projectLanguage: string,
    split: EvaluationSplit,
): EvaluatedItem[] {
    const intents = (declaredIntents ?? []).map((intent) => intent.category);
    return selectTestItems(utterances, (u) => u.text, split).map((utterance) => {
        const wrong = isMispredicted(utterance.text);
        const expectedEntities = spans(utterance.entities);
        return {
            kind: "utterance",
            text: utterance.text,
            language: utterance.language ?? projectLanguage,
            expectedIntent: utterance.intent,
            predictedIntent: wrong ? nextOf(intents, utterance.intent) : utterance.intent,
            expectedEntities,
            predictedEntities: wrong ? expectedEntities.slice(0, -1) : expectedEntities,
        };
    });
}

function spans(labels: readonly LabelSpan[] | undefined): LabelSpan[] {
    return (labels ?? []).map(({ category, offset, length }) => ({ category, offset, length }));
}

function nextOf(labels: readonly string[], label: string): string {
    const index = labels.indexOf(label);
    return labels.length < 2 || index < 0 ? label : labels[(index + 1) % labels.length]!;
}
