import type { Dataset } from "../../../provider/contract";
import type { LabelSpan } from "../../model/label-span";
import type { EvaluationSplit, ProjectContent } from "../../state/state-schema";
import { selectTestItems } from "./test-set";

export interface LabelledRegion {
    readonly regionOffset: number;
    readonly regionLength: number;
    readonly labels: readonly LabelSpan[];
}

/** One labelled utterance or document of a project, whichever split it falls in. */
export type LabelledItem =
    | {
          readonly kind: "utterance";
          readonly text: string;
          readonly language: string;
          readonly intent: string;
          readonly entities: readonly LabelSpan[];
      }
    | { readonly kind: "singleLabel"; readonly location: string; readonly language: string; readonly class: string }
    | {
          readonly kind: "multiLabel";
          readonly location: string;
          readonly language: string;
          readonly classes: readonly string[];
      }
    | {
          readonly kind: "entityRecognition";
          readonly location: string;
          readonly language: string;
          readonly regions: readonly LabelledRegion[];
      };

export interface SplitItems {
    /** What a model learns from. */
    readonly training: readonly LabelledItem[];
    /** What its evaluation scores, in a stable order (evaluation results are listed in it). */
    readonly test: readonly LabelledItem[];
}

/**
 * The training and test items of a project under an evaluation split (see selectTestItems).
 * Single-label documents without a class are in neither; the others count even unlabelled.
 */
export function splitLabelledItems(content: ProjectContent, split: EvaluationSplit): SplitItems {
    const { assets, metadata } = content;
    switch (assets.projectKind) {
        case "Conversation":
            return partition(
                assets.utterances ?? [],
                (utterance) => utterance.text,
                split,
                (utterance) => utteranceItem(utterance, metadata.language, spans(utterance.entities)),
            );
        case "Orchestration":
            // Orchestration utterances are labelled with an intent only; stray entity labels are ignored.
            return partition(
                assets.utterances ?? [],
                (utterance) => utterance.text,
                split,
                (utterance) => utteranceItem(utterance, metadata.language, []),
            );
        case "CustomSingleLabelClassification":
            return partition(
                assets.documents ?? [],
                (document) => document.location,
                split,
                (document) =>
                    document.class === undefined
                        ? undefined
                        : {
                              kind: "singleLabel",
                              location: document.location,
                              language: document.language,
                              class: document.class.category,
                          },
            );
        case "CustomMultiLabelClassification":
            return partition(
                assets.documents ?? [],
                (document) => document.location,
                split,
                (document) => ({
                    kind: "multiLabel",
                    location: document.location,
                    language: document.language,
                    classes: (document.classes ?? []).map((item) => item.category),
                }),
            );
        case "CustomEntityRecognition":
            return partition(
                assets.documents ?? [],
                (document) => document.location,
                split,
                (document) => ({
                    kind: "entityRecognition",
                    location: document.location,
                    language: document.language,
                    regions: (document.entities ?? []).map((region) => ({
                        regionOffset: region.regionOffset,
                        regionLength: region.regionLength,
                        labels: spans(region.labels),
                    })),
                }),
            );
    }
}

function partition<Item extends { readonly dataset?: Dataset | undefined }>(
    items: readonly Item[],
    keyOf: (item: Item) => string,
    split: EvaluationSplit,
    labelled: (item: Item) => LabelledItem | undefined,
): SplitItems {
    const test = new Set(selectTestItems(items, keyOf, split));
    const pick = (inTest: boolean) =>
        items.flatMap((item) => (test.has(item) !== inTest ? [] : (labelled(item) ?? [])));
    return { training: pick(false), test: pick(true) };
}

function utteranceItem(
    utterance: { readonly text: string; readonly intent: string; readonly language?: string | undefined },
    projectLanguage: string,
    entities: readonly LabelSpan[],
): LabelledItem {
    return {
        kind: "utterance",
        text: utterance.text,
        language: utterance.language ?? projectLanguage,
        intent: utterance.intent,
        entities,
    };
}

function spans(labels: readonly LabelSpan[] | undefined): LabelSpan[] {
    return (labels ?? []).map(({ category, offset, length }) => ({ category, offset, length }));
}
