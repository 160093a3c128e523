import { z } from "zod";
import { inputLimits } from "./input-limits";

interface Limit {
    min: number;
    /** How the minimum reads where it is no round number of the unit. */
    minShown?: string;
    max: number;
    why: string;
}

interface Unit {
    one: string;
    many: string;
    integer?: boolean;
}

/** A number within one of the input limits; the failures say the range, the unit and why. */
export function bounded(limit: Limit, unit: Unit) {
    const amount = (value: number) => `${value} ${value === 1 ? unit.one : unit.many}`.trimEnd();
    const number = z
        .number()
        .min(limit.min, `must be at least ${limit.minShown ?? amount(limit.min)}`)
        .max(limit.max, `must be at most ${amount(limit.max)} (${limit.why})`);
    return unit.integer ? number.int(`must be a whole number of ${unit.many}`) : number;
}

const split = inputLimits.splitPercentage;
const splitPercentage = () => bounded(split, { one: "percent", many: "percent", integer: true }).optional();
const inRange = (value: number | undefined): value is number =>
    value !== undefined && Number.isInteger(value) && value >= split.min && value <= split.max;

/**
 * How the service splits labelled data for evaluation, as a user declares it: with `percentage`
 * (the default kind) both splits or neither (the service's 80/20); with `manual`, each item's
 * `dataset` decides and percentages have no meaning, so giving one is a mistake.
 */
export const evaluationInputSchema = z
    .strictObject({
        kind: z.enum(["percentage", "manual"]).optional(),
        trainingSplitPercentage: splitPercentage(),
        testingSplitPercentage: splitPercentage(),
    })
    .superRefine((options, ctx) => {
        const { kind = "percentage", trainingSplitPercentage: training, testingSplitPercentage: testing } = options;
        const given = (["trainingSplitPercentage", "testingSplitPercentage"] as const).filter(
            (field) => options[field] !== undefined,
        );
        if (kind === "manual") {
            for (const field of given) {
                ctx.addIssue({
                    code: "custom",
                    path: [field],
                    message: `applies only when kind is percentage; with manual, each item's dataset decides: remove it`,
                });
            }
            return;
        }
        if (given.length === 1) {
            const missing =
                given[0] === "trainingSplitPercentage" ? "testingSplitPercentage" : "trainingSplitPercentage";
            ctx.addIssue({
                code: "custom",
                path: [missing],
                message: `is required with ${given[0]}: give both (summing to 100), or neither for the service's 80/20`,
            });
            return;
        }
        // Out-of-range values already have their own failure; their sum would only add noise.
        if (inRange(training) && inRange(testing) && training + testing !== 100) {
            ctx.addIssue({
                code: "custom",
                path: ["testingSplitPercentage"],
                message: `trainingSplitPercentage + testingSplitPercentage must be 100, got ${training + testing}`,
            });
        }
    });
