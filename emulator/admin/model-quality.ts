import { z } from "zod";
import { type Counted, CountedRules } from "./counted-rules";

/**
 * How the next models trained on a project turn out, so that a promotion gate can be seen to
 * fail: `evaluation: "poor"` makes the model predict nothing for its test split (micro and macro
 * F1 of 0) while it serves as trained; `predictions: "diverge"` makes it learn every label as the
 * next declared one (an intent, class or entity category), so its runtime answers differ from an
 * honest model's, and so does its evaluation.
 */
export const modelQualitySchema = z
    .strictObject({
        evaluation: z.literal("poor").optional(),
        predictions: z.literal("diverge").optional(),
    })
    .refine((quality) => quality.evaluation !== undefined || quality.predictions !== undefined, {
        message: 'give "evaluation": "poor", "predictions": "diverge", or both',
    });
export type ModelQuality = z.infer<typeof modelQualitySchema>;

/** Which trainings a rule hits: resource and project (any when absent), the next `times` of them. */
export const modelQualityRuleSchema = z.strictObject({
    resource: z.string().optional(),
    project: z.string().optional(),
    quality: modelQualitySchema,
    times: z.number().int().min(1).default(1),
});
export type ModelQualityRuleInput = z.input<typeof modelQualityRuleSchema>;
export type ModelQualityRule = z.output<typeof modelQualityRuleSchema>;

/** A rule with its id and how many more trainings it will hit. */
export type ActiveModelQualityRule = Counted<ModelQualityRule>;

/** Quality rules for trainings; each hits the next `times` trainings it matches, then retires. */
export class ModelQualityRules extends CountedRules<ModelQualityRule> {
    constructor() {
        super((rule) => rule.times);
    }

    /** Consumes the first rule matching a training that finishes now, if any. */
    takeFor(resource: string, project: string): ModelQuality | undefined {
        return this.take(
            (rule) =>
                (rule.resource === undefined || rule.resource === resource) &&
                (rule.project === undefined || rule.project === project),
        )?.quality;
    }
}
