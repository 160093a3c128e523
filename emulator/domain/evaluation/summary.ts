import type { ConfusionMatrix, LabelEvaluation } from "../../../provider/contract";
import type { StoredModel } from "../../state/state-schema";
import type { LabelSpan } from "../../model/label-span";
import type { EvaluatedItem } from "./evaluated-items";

// Scores are fractions with 7 decimals; confusion cells give the count and its share of the row in
// percent (unverified: the specs say only "normalized value").

interface Counts {
    truePositiveCount: number;
    falsePositiveCount: number;
    falseNegativeCount: number;
}

interface Scores {
    readonly labels: Record<string, LabelEvaluation>;
    readonly metrics: {
        microF1: number;
        microPrecision: number;
        microRecall: number;
        macroF1: number;
        macroPrecision: number;
        macroRecall: number;
    };
}

/** The `summary-result` body for a model, in its family's shape. */
export function summarizeEvaluation(model: StoredModel, items: readonly EvaluatedItem[]): Record<string, unknown> {
    const evaluationOptions = { ...model.evaluationOptions };
    const { projectKind } = model.snapshot.assets;
    const declared = declaredLabels(model);
    switch (projectKind) {
        case "Conversation":
        case "Orchestration": {
            const utterances = itemsOfKind(items, "utterance");
            const intentPairs = utterances.map((u) => ({ expected: u.expectedIntent, predicted: u.predictedIntent }));
            const entityPairs = utterances.map((u) => ({
                expected: u.expectedEntities,
                predicted: u.predictedEntities,
            }));
            return {
                intentsEvaluation: singleLabelEvaluation(intentPairs, declared.intents, "intents"),
                entitiesEvaluation: spanEvaluation(entityPairs, declared.entities, "entities"),
                evaluationOptions,
            };
        }
        case "CustomSingleLabelClassification": {
            const pairs = itemsOfKind(items, "singleLabel").map((item) => ({
                expected: item.expectedClass,
                predicted: item.predictedClass,
            }));
            return {
                projectKind,
                customSingleLabelClassificationEvaluation: singleLabelEvaluation(pairs, declared.classes, "classes"),
                evaluationOptions,
            };
        }
        case "CustomMultiLabelClassification": {
            const pairs = itemsOfKind(items, "multiLabel").map((item) => ({
                expected: item.expectedClasses,
                predicted: item.predictedClasses,
            }));
            const scores = scoreMultiLabel(pairs, declared.classes);
            // Multi-label summaries have no confusion matrix.
            return {
                projectKind,
                customMultiLabelClassificationEvaluation: { classes: scores.labels, ...scores.metrics },
                evaluationOptions,
            };
        }
        case "CustomEntityRecognition": {
            const regions = itemsOfKind(items, "entityRecognition").flatMap((item) => item.regions);
            return {
                projectKind,
                customEntityRecognitionEvaluation: spanEvaluation(regions, declared.entities, "entities"),
                evaluationOptions,
            };
        }
    }
}

function itemsOfKind<Kind extends EvaluatedItem["kind"]>(
    items: readonly EvaluatedItem[],
    kind: Kind,
): Extract<EvaluatedItem, { kind: Kind }>[] {
    return items.filter((item): item is Extract<EvaluatedItem, { kind: Kind }> => item.kind === kind);
}

// An evaluation block lists each label's scores under the name its family gives the labels.
type LabelsName = "intents" | "entities" | "classes";

function singleLabelEvaluation(
    pairs: readonly { expected: string; predicted: string }[],
    labels: readonly string[],
    labelsName: LabelsName,
): Record<string, unknown> {
    const scores = scoreSingleLabel(pairs, labels);
    return { confusionMatrix: singleLabelMatrix(pairs), [labelsName]: scores.labels, ...scores.metrics };
}

function spanEvaluation(
    pairs: readonly { expected: readonly LabelSpan[]; predicted: readonly LabelSpan[] }[],
    labels: readonly string[],
    labelsName: LabelsName,
): Record<string, unknown> {
    const scores = scoreSpans(pairs, labels);
    return { confusionMatrix: spanMatrix(pairs), [labelsName]: scores.labels, ...scores.metrics };
}

function declaredLabels(model: StoredModel): { intents: string[]; entities: string[]; classes: string[] } {
    const names = (items: readonly { category: string }[] | undefined) => (items ?? []).map((item) => item.category);
    const assets = model.snapshot.assets;
    switch (assets.projectKind) {
        case "Conversation":
            return { intents: names(assets.intents), entities: names(assets.entities), classes: [] };
        case "Orchestration":
            return { intents: names(assets.intents), entities: [], classes: [] };
        case "CustomSingleLabelClassification":
        case "CustomMultiLabelClassification":
            return { intents: [], entities: [], classes: names(assets.classes) };
        case "CustomEntityRecognition":
            return { intents: [], entities: names(assets.entities), classes: [] };
    }
}

function scoreSingleLabel(
    pairs: readonly { expected: string; predicted: string }[],
    labels: readonly string[],
): Scores {
    return score(labels, pairs.length, (label) => ({
        truePositiveCount: pairs.filter((p) => p.expected === label && p.predicted === label).length,
        falsePositiveCount: pairs.filter((p) => p.expected !== label && p.predicted === label).length,
        falseNegativeCount: pairs.filter((p) => p.expected === label && p.predicted !== label).length,
    }));
}

function scoreMultiLabel(
    pairs: readonly { expected: readonly string[]; predicted: readonly string[] }[],
    labels: readonly string[],
): Scores {
    return score(labels, pairs.length, (label) => ({
        truePositiveCount: pairs.filter((p) => p.expected.includes(label) && p.predicted.includes(label)).length,
        falsePositiveCount: pairs.filter((p) => !p.expected.includes(label) && p.predicted.includes(label)).length,
        falseNegativeCount: pairs.filter((p) => p.expected.includes(label) && !p.predicted.includes(label)).length,
    }));
}

function scoreSpans(
    pairs: readonly { expected: readonly LabelSpan[]; predicted: readonly LabelSpan[] }[],
    labels: readonly string[],
): Scores {
    const count = (label: string, from: "expected" | "predicted", matched: boolean) =>
        pairs.reduce((total, pair) => {
            const other = from === "expected" ? pair.predicted : pair.expected;
            return (
                total +
                pair[from].filter((span) => span.category === label && other.some((o) => sameSpan(o, span)) === matched)
                    .length
            );
        }, 0);
    // Spans have no true negatives: every item counted is a labelled or predicted span.
    return score(labels, undefined, (label) => ({
        truePositiveCount: count(label, "expected", true),
        falsePositiveCount: count(label, "predicted", false),
        falseNegativeCount: count(label, "expected", false),
    }));
}

function score(labels: readonly string[], itemCount: number | undefined, countsOf: (label: string) => Counts): Scores {
    const perLabel = labels.map((label) => ({ label, counts: countsOf(label) }));
    const evaluations: Record<string, LabelEvaluation> = {};
    for (const { label, counts } of perLabel) {
        const trueNegativeCount =
            itemCount === undefined
                ? 0
                : itemCount - counts.truePositiveCount - counts.falsePositiveCount - counts.falseNegativeCount;
        evaluations[label] = { ...ratios(counts), ...counts, trueNegativeCount };
    }
    const total = perLabel.reduce<Counts>(
        (sum, { counts }) => ({
            truePositiveCount: sum.truePositiveCount + counts.truePositiveCount,
            falsePositiveCount: sum.falsePositiveCount + counts.falsePositiveCount,
            falseNegativeCount: sum.falseNegativeCount + counts.falseNegativeCount,
        }),
        { truePositiveCount: 0, falsePositiveCount: 0, falseNegativeCount: 0 },
    );
    const micro = ratios(total);
    const mean = (pick: (evaluation: LabelEvaluation) => number) =>
        perLabel.length === 0
            ? 0
            : round(perLabel.reduce((sum, { label }) => sum + pick(evaluations[label]!), 0) / perLabel.length);
    return {
        labels: evaluations,
        metrics: {
            microF1: micro.f1,
            microPrecision: micro.precision,
            microRecall: micro.recall,
            macroF1: mean((e) => e.f1),
            macroPrecision: mean((e) => e.precision),
            macroRecall: mean((e) => e.recall),
        },
    };
}

function ratios(counts: Counts): { f1: number; precision: number; recall: number } {
    const { truePositiveCount: tp, falsePositiveCount: fp, falseNegativeCount: fn } = counts;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { f1: round(f1), precision: round(precision), recall: round(recall) };
}

/** Rows are the labelled value, columns the predicted one. */
function singleLabelMatrix(pairs: readonly { expected: string; predicted: string }[]): ConfusionMatrix {
    return normalize(pairs.map((pair) => [pair.expected, pair.predicted]));
}

/** A span predicted with no label at its place, or labelled but not predicted, pairs with `$none`. */
function spanMatrix(
    pairs: readonly { expected: readonly LabelSpan[]; predicted: readonly LabelSpan[] }[],
): ConfusionMatrix {
    const cells: [string, string][] = [];
    for (const { expected, predicted } of pairs) {
        for (const span of expected) {
            cells.push([span.category, predicted.find((p) => samePlace(p, span))?.category ?? "$none"]);
        }
        for (const span of predicted.filter((p) => !expected.some((e) => samePlace(e, p)))) {
            cells.push(["$none", span.category]);
        }
    }
    return normalize(cells);
}

function normalize(cells: readonly [string, string][]): ConfusionMatrix {
    const matrix: ConfusionMatrix = {};
    for (const [row, column] of cells) {
        const cellsOfRow = (matrix[row] ??= {});
        const cell = (cellsOfRow[column] ??= { normalizedValue: 0, rawValue: 0 });
        cell.rawValue += 1;
    }
    for (const row of Object.values(matrix)) {
        const rowTotal = Object.values(row).reduce((sum, cell) => sum + cell.rawValue, 0);
        for (const cell of Object.values(row)) {
            cell.normalizedValue = round((cell.rawValue / rowTotal) * 100);
        }
    }
    return matrix;
}

function sameSpan(a: LabelSpan, b: LabelSpan): boolean {
    return a.category === b.category && samePlace(a, b);
}

function samePlace(a: LabelSpan, b: LabelSpan): boolean {
    return a.offset === b.offset && a.length === b.length;
}

function round(value: number): number {
    return Math.round(value * 1e7) / 1e7;
}
