import { z } from "zod";
import { checkModelLabel } from "../contract";
import { inputLimits } from "./input-limits";
import { bounded } from "./numeric-inputs";
import { storageConnectionStringSchema } from "./storage-access-input";

const fraction = () => bounded(inputLimits.fraction, { one: "", many: "" });

/**
 * The prediction-parity probe: a sample of the project's own utterances (or documents) is sent to
 * the primary's deployment and to the candidate's staging deployment through the runtime API, and
 * the share of answers that agree must reach `minAgreement`.
 */
const paritySchema = z.strictObject({
    minAgreement: fraction().default(0.9),
    sampleSize: bounded(inputLimits.paritySampleSize, { one: "item", many: "items", integer: true }).default(20),
    /** Text projects keep their documents in storage; the probe reads the sampled ones from there. */
    documents: z.strictObject({ connectionString: storageConnectionStringSchema }).optional(),
});

/**
 * The gate a candidate model passes before it serves: thresholds on its evaluation, a limit on
 * its drop below the primary's deployed model, and the parity probe. `enforce` (the default)
 * keeps the serving model when a candidate fails; `warn` promotes it with a warning.
 */
export const promotionSchema = z.strictObject({
    mode: z.enum(["enforce", "warn"]).default("enforce"),
    minMicroF1: fraction().optional(),
    minMacroF1: fraction().optional(),
    maxDropFromPrimary: fraction().optional(),
    parity: paritySchema.optional(),
});
export type Promotion = z.infer<typeof promotionSchema>;

/** `"latest"` (the newest candidate that passed), `"previous"` (roll back), or a kept model's label. */
export const servingModelSchema = z
    .string()
    .superRefine((value, ctx) => {
        // "latest" and "previous" pass the label rule too: only a value no label can be is refused.
        const problem = checkModelLabel(value);
        if (problem)
            ctx.addIssue({ code: "custom", message: `must be "latest", "previous" or a model label: ${problem}` });
    })
    .default("latest");

/** Any text that changes when the same content should be trained again; shown in plans, so no secret. */
export const retrainTokenSchema = z
    .string()
    .regex(
        /^[\x21-\x7e]([\x20-\x7e]{0,98}[\x21-\x7e])?$/,
        "must be 1 to 100 printable ASCII characters, not starting or ending with a blank",
    );
