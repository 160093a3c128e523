import type { ProjectAssets } from "../../provider/contract";
import { splitLabelledItems, type LabelledItem } from "../domain/evaluation/labelled-items";
import type { EvaluationSplit, ProjectContent } from "../state/state-schema";
import { compileEntityComponents } from "./entity-components";
import { trainEntityModel, type LabelledText } from "./entity-model";
import type { LabelSpan } from "./label-span";
import { trainNaiveBayes, type TrainingExample } from "./naive-bayes";
import { predictClasses, predictDocumentEntities, predictIntents, predictUtteranceEntities } from "./predict";
import type { Predictor } from "./predictor";
import { featuresOf } from "./text-features";
import type { TestPrediction, TrainedModel } from "./trained-model";

/** Document location -> text, as read from the linked storage (text projects only). */
export type DocumentTexts = ReadonlyMap<string, string>;

/**
 * Learns from the training split only, then predicts the test split. A pure function of its
 * inputs: the same content, split and texts always give the same model (a replica trained from
 * the same export answers exactly as its primary).
 */
export function trainModel(content: ProjectContent, split: EvaluationSplit, texts: DocumentTexts): TrainedModel {
    const { training, test } = splitLabelledItems(content, split);
    const predictor = trainPredictor(content, training, texts);
    return { predictor, testPredictions: test.map((item) => predictItem(predictor, item, texts)) };
}

function trainPredictor(content: ProjectContent, training: readonly LabelledItem[], texts: DocumentTexts): Predictor {
    const assets: ProjectAssets = content.assets;
    const textOf = (item: LabelledItem) => (item.kind === "utterance" ? item.text : (texts.get(item.location) ?? ""));
    const examples = (labelsOf: (item: LabelledItem) => readonly string[]): TrainingExample[] =>
        training.map((item) => ({ features: featuresOf(textOf(item)), labels: labelsOf(item) }));
    const entityExamples: LabelledText[] = training.map((item) => ({ text: textOf(item), spans: entitiesOf(item) }));
    const categories = (items: readonly { category: string }[] | undefined) =>
        (items ?? []).map((item) => item.category);
    // CLU and orchestration alike: intents, and the confidence below which the top intent is None.
    const intentModel = (intents: readonly { category: string }[] | undefined) => ({
        intents: trainNaiveBayes(categories(intents), examples(intentOf)),
        confidenceThreshold: content.metadata.settings?.confidenceThreshold ?? 0,
    });
    switch (assets.projectKind) {
        case "Conversation":
            return {
                formatVersion: 1,
                projectKind: "Conversation",
                ...intentModel(assets.intents),
                entities: trainEntityModel(categories(assets.entities), entityExamples),
                components: compileEntityComponents(assets.entities ?? []),
            };
        case "Orchestration":
            return {
                formatVersion: 1,
                projectKind: "Orchestration",
                ...intentModel(assets.intents),
                targets: (assets.intents ?? []).flatMap((intent) =>
                    intent.orchestration === undefined
                        ? []
                        : [{ intent: intent.category, target: intent.orchestration }],
                ),
            };
        case "CustomSingleLabelClassification":
        case "CustomMultiLabelClassification":
            return {
                formatVersion: 1,
                projectKind: assets.projectKind,
                classes: trainNaiveBayes(categories(assets.classes), examples(classesOf)),
            };
        case "CustomEntityRecognition":
            return {
                formatVersion: 1,
                projectKind: "CustomEntityRecognition",
                entities: trainEntityModel(categories(assets.entities), entityExamples),
            };
    }
}

function intentOf(item: LabelledItem): string[] {
    return item.kind === "utterance" ? [item.intent] : [];
}

function classesOf(item: LabelledItem): readonly string[] {
    switch (item.kind) {
        case "singleLabel":
            return [item.class];
        case "multiLabel":
            return item.classes;
        default:
            return [];
    }
}

function entitiesOf(item: LabelledItem): readonly LabelSpan[] {
    switch (item.kind) {
        case "utterance":
            return item.entities;
        case "entityRecognition":
            return item.regions.flatMap((region) => region.labels);
        default:
            return [];
    }
}

function predictItem(predictor: Predictor, item: LabelledItem, texts: DocumentTexts): TestPrediction {
    const text = item.kind === "utterance" ? item.text : (texts.get(item.location) ?? "");
    switch (predictor.projectKind) {
        case "Conversation":
            return {
                labels: [predictIntents(predictor, text).topIntent],
                spans: predictUtteranceEntities(predictor, text).map(withoutConfidence),
            };
        case "Orchestration":
            return { labels: [predictIntents(predictor, text).topIntent], spans: [] };
        case "CustomSingleLabelClassification":
        case "CustomMultiLabelClassification":
            return { labels: predictClasses(predictor, text).map((scored) => scored.label), spans: [] };
        case "CustomEntityRecognition":
            return { labels: [], spans: predictDocumentEntities(predictor, text).map(withoutConfidence) };
    }
}

function withoutConfidence({ category, offset, length }: LabelSpan): LabelSpan {
    return { category, offset, length };
}
