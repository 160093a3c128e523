import { z } from "zod";
import { roundScore } from "./scores";

const countsSchema = z.record(z.string(), z.number().int().min(1));

/**
 * A multinomial naive Bayes model, stored as its counts (integers, so a stored model is exact and
 * compact: never larger than its training text). Label i's counts are at index i of each array.
 * `allCounts` counts every training example once, whatever its labels: a label's complement (for
 * one-vs-rest) is `allCounts` minus the label's counts.
 */
export const naiveBayesSchema = z.object({
    labels: z.array(z.string()),
    exampleCount: z.number().int().min(0),
    labelExampleCounts: z.array(z.number().int().min(0)),
    featureCounts: z.array(countsSchema),
    featureTotals: z.array(z.number().int().min(0)),
    allCounts: countsSchema,
    allTotal: z.number().int().min(0),
    vocabularySize: z.number().int().min(0),
});
export type NaiveBayes = z.infer<typeof naiveBayesSchema>;

export interface TrainingExample {
    readonly features: readonly string[];
    /** One label for single-label tasks; any number for multi-label. */
    readonly labels: readonly string[];
}

/** Counts the examples. Labels keep the declared order; a label only examples use is appended. */
export function trainNaiveBayes(declaredLabels: readonly string[], examples: readonly TrainingExample[]): NaiveBayes {
    const labels = [...new Set([...declaredLabels, ...examples.flatMap((example) => example.labels)])];
    const model: NaiveBayes = {
        labels,
        exampleCount: examples.length,
        labelExampleCounts: labels.map(() => 0),
        featureCounts: labels.map(() => ({})),
        featureTotals: labels.map(() => 0),
        allCounts: {},
        allTotal: 0,
        vocabularySize: 0,
    };
    for (const example of examples) {
        addCounts(model.allCounts, example.features);
        model.allTotal += example.features.length;
        for (const label of new Set(example.labels)) {
            const index = labels.indexOf(label);
            model.labelExampleCounts[index]! += 1;
            addCounts(model.featureCounts[index]!, example.features);
            model.featureTotals[index]! += example.features.length;
        }
    }
    model.vocabularySize = Object.keys(model.allCounts).length;
    return model;
}

function addCounts(counts: Record<string, number>, features: readonly string[]): void {
    for (const feature of features) {
        counts[feature] = (counts[feature] ?? 0) + 1;
    }
}

export interface LabelScore {
    readonly label: string;
    /** A probability, 0..1. */
    readonly score: number;
}

/**
 * Single-label: the posterior of each label (Laplace-smoothed likelihoods, smoothed priors),
 * highest first. Features never seen in training are ignored.
 */
export function rankLabels(model: NaiveBayes, features: readonly string[]): LabelScore[] {
    const known = features.filter((feature) => Object.hasOwn(model.allCounts, feature));
    const logJoint = model.labels.map(
        (_, index) =>
            Math.log((model.labelExampleCounts[index]! + 1) / (model.exampleCount + model.labels.length)) +
            logLikelihood(model.featureCounts[index]!, model.featureTotals[index]!, model.vocabularySize, known),
    );
    const highest = Math.max(...logJoint);
    const weights = logJoint.map((value) => Math.exp(value - highest));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return ranked(
        model,
        weights.map((weight) => weight / total),
    );
}

/** Multi-label: each label against all examples without it, highest first. */
export function scoreEachLabel(model: NaiveBayes, features: readonly string[]): LabelScore[] {
    const known = features.filter((feature) => Object.hasOwn(model.allCounts, feature));
    const scores = model.labels.map((_, index) => {
        const withLabel = model.labelExampleCounts[index]!;
        const withoutLabel = model.exampleCount - withLabel;
        const complement = complementCounts(model.allCounts, model.featureCounts[index]!, known);
        const positive =
            Math.log((withLabel + 1) / (model.exampleCount + 2)) +
            logLikelihood(model.featureCounts[index]!, model.featureTotals[index]!, model.vocabularySize, known);
        const negative =
            Math.log((withoutLabel + 1) / (model.exampleCount + 2)) +
            logLikelihood(complement, model.allTotal - model.featureTotals[index]!, model.vocabularySize, known);
        return 1 / (1 + Math.exp(negative - positive));
    });
    return ranked(model, scores);
}

function logLikelihood(
    counts: Readonly<Record<string, number>>,
    total: number,
    vocabularySize: number,
    features: readonly string[],
): number {
    let sum = 0;
    for (const feature of features) {
        sum += Math.log(((counts[feature] ?? 0) + 1) / (total + vocabularySize));
    }
    return sum;
}

function complementCounts(
    all: Readonly<Record<string, number>>,
    ofLabel: Readonly<Record<string, number>>,
    features: readonly string[],
): Record<string, number> {
    const complement: Record<string, number> = {};
    for (const feature of features) {
        complement[feature] = (all[feature] ?? 0) - (ofLabel[feature] ?? 0);
    }
    return complement;
}

/** Highest score first; equal scores keep the label order, so ties break the same way every time. */
function ranked(model: NaiveBayes, scores: readonly number[]): LabelScore[] {
    return model.labels
        .map((label, index) => ({ label, index, score: scores[index]! }))
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .map(({ label, score }) => ({ label, score: roundScore(score) }));
}
