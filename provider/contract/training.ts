import { z } from "zod";

const percentageSchema = z.number().int().min(0).max(100);

/**
 * How the service splits labelled data into training and test sets. Omitted fields take the
 * service defaults (percentage, 80/20); with `manual`, each item's `dataset` decides.
 */
export const evaluationOptionsSchema = z
    .strictObject({
        kind: z.enum(["percentage", "manual"]).optional(),
        trainingSplitPercentage: percentageSchema.optional(),
        testingSplitPercentage: percentageSchema.optional(),
    })
    .superRefine((options, ctx) => {
        const { kind = "percentage", trainingSplitPercentage, testingSplitPercentage } = options;
        if (kind !== "percentage" || (trainingSplitPercentage === undefined && testingSplitPercentage === undefined)) {
            return;
        }
        const sum = (trainingSplitPercentage ?? 0) + (testingSplitPercentage ?? 0);
        if (sum !== 100) {
            ctx.addIssue({
                code: "custom",
                path: ["testingSplitPercentage"],
                message: `trainingSplitPercentage + testingSplitPercentage must be 100 when kind is percentage, got ${sum}`,
            });
        }
    });
export type EvaluationOptions = z.infer<typeof evaluationOptionsSchema>;

/** Text training needs an explicit config version (`"latest"` is accepted). */
export const textTrainingJobOptionsSchema = z.strictObject({
    modelLabel: z.string(),
    trainingConfigVersion: z.string(),
    evaluationOptions: evaluationOptionsSchema.optional(),
});
export type TextTrainingJobOptions = z.infer<typeof textTrainingJobOptionsSchema>;

/** CLU and orchestration training must name a mode; the config version defaults to latest. */
export const conversationTrainingJobOptionsSchema = z.strictObject({
    modelLabel: z.string(),
    trainingMode: z.enum(["standard", "advanced"]),
    trainingConfigVersion: z.string().optional(),
    evaluationOptions: evaluationOptionsSchema.optional(),
});
export type ConversationTrainingJobOptions = z.infer<typeof conversationTrainingJobOptionsSchema>;
