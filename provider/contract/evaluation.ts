import { z } from "zod";

const metricsShape = {
    microF1: z.number(),
    microPrecision: z.number(),
    microRecall: z.number(),
    macroF1: z.number(),
    macroPrecision: z.number(),
    macroRecall: z.number(),
};

/** Scores of one class, entity or intent. */
export const labelEvaluationSchema = z.looseObject({
    f1: z.number(),
    precision: z.number(),
    recall: z.number(),
    truePositiveCount: z.number().int(),
    trueNegativeCount: z.number().int(),
    falsePositiveCount: z.number().int(),
    falseNegativeCount: z.number().int(),
});
export type LabelEvaluation = z.infer<typeof labelEvaluationSchema>;

/** Labelled (row) versus predicted (column); absent for multi-label text projects. */
export const confusionMatrixSchema = z.record(
    z.string(),
    z.record(z.string(), z.looseObject({ normalizedValue: z.number(), rawValue: z.number() })),
);
export type ConfusionMatrix = z.infer<typeof confusionMatrixSchema>;

const labelMap = z.record(z.string(), labelEvaluationSchema);
// The service echoes the split it used; informative only, so no cross-field checks here.
const usedEvaluationOptions = z
    .looseObject({
        kind: z.enum(["percentage", "manual"]).optional(),
        trainingSplitPercentage: z.number().optional(),
        testingSplitPercentage: z.number().optional(),
    })
    .optional();

/** Text summaries nest their metrics under a block whose name depends on the project kind. */
export const textEvaluationSummarySchema = z.discriminatedUnion("projectKind", [
    z.looseObject({
        projectKind: z.literal("CustomSingleLabelClassification"),
        evaluationOptions: usedEvaluationOptions,
        customSingleLabelClassificationEvaluation: z.looseObject({
            ...metricsShape,
            classes: labelMap,
            confusionMatrix: confusionMatrixSchema.optional(),
        }),
    }),
    z.looseObject({
        projectKind: z.literal("CustomMultiLabelClassification"),
        evaluationOptions: usedEvaluationOptions,
        customMultiLabelClassificationEvaluation: z.looseObject({
            ...metricsShape,
            classes: labelMap,
            confusionMatrix: confusionMatrixSchema.optional(),
        }),
    }),
    z.looseObject({
        projectKind: z.literal("CustomEntityRecognition"),
        evaluationOptions: usedEvaluationOptions,
        customEntityRecognitionEvaluation: z.looseObject({
            ...metricsShape,
            entities: labelMap,
            confusionMatrix: confusionMatrixSchema.optional(),
        }),
    }),
]);
export type TextEvaluationSummary = z.infer<typeof textEvaluationSummarySchema>;

/** CLU and orchestration summaries carry no projectKind: intents and entities are scored apart. */
export const conversationEvaluationSummarySchema = z.looseObject({
    intentsEvaluation: z.looseObject({
        ...metricsShape,
        intents: labelMap,
        confusionMatrix: confusionMatrixSchema.optional(),
    }),
    entitiesEvaluation: z.looseObject({
        ...metricsShape,
        entities: labelMap,
        confusionMatrix: confusionMatrixSchema.optional(),
    }),
    evaluationOptions: usedEvaluationOptions,
});
export type ConversationEvaluationSummary = z.infer<typeof conversationEvaluationSummarySchema>;

/** One schema for `models/{label}/evaluation/summary-result` in either family. */
export const evaluationSummarySchema = z.union([textEvaluationSummarySchema, conversationEvaluationSummarySchema]);
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

/** The two numbers the provider reports after a training, whatever the project kind. */
export interface EvaluationScores {
    microF1: number;
    macroF1: number;
}

/** Picks the headline block: intent routing is what a CLU model is judged on. */
export function summarizeEvaluation(summary: EvaluationSummary): EvaluationScores {
    const { microF1, macroF1 } = headlineMetrics(summary);
    return { microF1, macroF1 };
}

function headlineMetrics(summary: EvaluationSummary): EvaluationScores {
    if (!isTextSummary(summary)) {
        return summary.intentsEvaluation;
    }
    switch (summary.projectKind) {
        case "CustomSingleLabelClassification":
            return summary.customSingleLabelClassificationEvaluation;
        case "CustomMultiLabelClassification":
            return summary.customMultiLabelClassificationEvaluation;
        case "CustomEntityRecognition":
            return summary.customEntityRecognitionEvaluation;
    }
}

// Loose objects have index signatures, so `in` alone cannot tell the two families apart.
function isTextSummary(summary: EvaluationSummary): summary is TextEvaluationSummary {
    return typeof summary["projectKind"] === "string";
}
