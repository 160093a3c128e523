import type { LabelSpan } from "../../model/label-span";
import type { TrainedModel } from "../../model/trained-model";
import type { StoredModel } from "../../state/state-schema";
import { splitLabelledItems } from "./labelled-items";

/** One test item of a trained model with what it should be and what the model predicted. */
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
 * The model's test items (selected from its snapshot as training selected them) beside the
 * predictions training made for them. Summary and per-item results are both computed from this,
 * so they always agree; and the predictions are the runtime's answers for the same texts.
 */
export function evaluateModel(model: StoredModel, trained: TrainedModel): EvaluatedItem[] {
    const { test } = splitLabelledItems(model.snapshot, model.evaluationOptions);
    return test.map((item, index): EvaluatedItem => {
        const predicted = trained.testPredictions[index] ?? { labels: [], spans: [] };
        switch (item.kind) {
            case "utterance":
                return {
                    kind: "utterance",
                    text: item.text,
                    language: item.language,
                    expectedIntent: item.intent,
                    predictedIntent: predicted.labels[0] ?? "",
                    expectedEntities: item.entities,
                    predictedEntities: predicted.spans,
                };
            case "singleLabel":
                return {
                    kind: "singleLabel",
                    location: item.location,
                    language: item.language,
                    expectedClass: item.class,
                    predictedClass: predicted.labels[0] ?? "",
                };
            case "multiLabel":
                return {
                    kind: "multiLabel",
                    location: item.location,
                    language: item.language,
                    expectedClasses: item.classes,
                    predictedClasses: predicted.labels,
                };
            case "entityRecognition":
                return {
                    kind: "entityRecognition",
                    location: item.location,
                    language: item.language,
                    // A predicted span is scored in the labelled region that holds it; others are not scored.
                    regions: item.regions.map((region) => ({
                        regionOffset: region.regionOffset,
                        regionLength: region.regionLength,
                        expected: region.labels,
                        predicted: predicted.spans.filter(
                            (span) =>
                                span.offset >= region.regionOffset &&
                                span.offset + span.length <= region.regionOffset + region.regionLength,
                        ),
                    })),
                };
        }
    });
}
