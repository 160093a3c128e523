import { z } from "zod";

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

/** A rule with how many more trainings it will hit. */
export interface ActiveModelQualityRule extends ModelQualityRule {
    readonly id: number;
    remaining: number;
}

/** Quality rules for trainings; each hits the next `times` trainings it matches, then retires. */
export class ModelQualityRules {
    private rules: ActiveModelQualityRule[] = [];
    private nextId = 1;

    add(rule: ModelQualityRule): ActiveModelQualityRule {
        const active: ActiveModelQualityRule = { ...rule, id: this.nextId++, remaining: rule.times };
        this.rules.push(active);
        return active;
    }

    list(): readonly ActiveModelQualityRule[] {
        return this.rules;
    }

    clear(): void {
        this.rules = [];
    }

    /** Consumes the first rule matching a training that finishes now, if any. */
    take(resource: string, project: string): ModelQuality | undefined {
        const match = this.rules.find(
            (rule) =>
                (rule.resource === undefined || rule.resource === resource) &&
                (rule.project === undefined || rule.project === project),
        );
        if (match === undefined) return undefined;
        match.remaining -= 1;
        if (match.remaining === 0) this.rules = this.rules.filter((rule) => rule !== match);
        return match.quality;
    }
}
