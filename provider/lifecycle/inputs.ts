import { z } from "zod";
import {
    apiVersionSchema,
    checkDeploymentName,
    checkModelLabel,
    checkProjectName,
    projectKindSchema,
} from "../contract";
import type { Renewal } from "../plan/expiry-renewal";
import { connectionSchema } from "./connection-input";
import { documentsSchema } from "./documents-input";
import { bounded, evaluationInputSchema } from "./numeric-inputs";
import { inputLimits } from "./input-limits";
import { promotionSchema, retrainTokenSchema, servingModelSchema } from "./promotion-input";

export { type Connection, connectionSchema } from "./connection-input";

/** Turns a name rule of the contract into a zod refinement with the same words. */
const named = (check: (name: string) => string | undefined) =>
    z.string().superRefine((name, ctx) => {
        const problem = check(name);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/** Minutes each step may take before the provider stops waiting (the engine ignores customTimeouts). */
const minutes = () => bounded(inputLimits.timeoutMinutes, { one: "minute", many: "minutes" });
const milliseconds = { one: "ms", many: "ms", integer: true };
export const timeoutMinutesSchema = z.strictObject({
    export: minutes().default(15),
    import: minutes().default(15),
    train: minutes().default(240),
    deploy: minutes().default(60),
    delete: minutes().default(15),
    /** Copying a text project's documents into the secondary's storage. */
    copy: minutes().default(30),
    /** Waiting for a candidate's evaluation and probing its predictions. */
    gate: minutes().default(30),
});
export type TimeoutMinutes = z.infer<typeof timeoutMinutesSchema>;

const pollingDefaults = { initialIntervalMs: 1_000, maxIntervalMs: 30_000 };

/**
 * How often jobs are polled, when the user wants one schedule for every job: from the initial
 * wait, growing up to the longest. Without it each job is polled on a schedule fitted to it.
 */
const pollingSchema = z
    .strictObject({
        initialIntervalMs: bounded(inputLimits.initialIntervalMs, milliseconds).default(
            pollingDefaults.initialIntervalMs,
        ),
        maxIntervalMs: bounded(inputLimits.maxIntervalMs, milliseconds).default(pollingDefaults.maxIntervalMs),
    })
    .superRefine(({ initialIntervalMs, maxIntervalMs }, ctx) => {
        // Out-of-range values already have their own failure; comparing them would only add noise.
        const known = (value: number, limit: { min: number; max: number }) =>
            Number.isInteger(value) && value >= limit.min && value <= limit.max;
        if (
            !known(initialIntervalMs, inputLimits.initialIntervalMs) ||
            !known(maxIntervalMs, inputLimits.maxIntervalMs)
        ) {
            return;
        }
        if (initialIntervalMs > maxIntervalMs) {
            ctx.addIssue({
                code: "custom",
                path: ["initialIntervalMs"],
                message: `is ${initialIntervalMs} ms, more than maxIntervalMs (${maxIntervalMs} ms); the first wait must not exceed the longest (defaults: ${pollingDefaults.initialIntervalMs} and ${pollingDefaults.maxIntervalMs})`,
            });
        }
    });

const requestsPerMinute = () =>
    bounded(inputLimits.requestsPerMinute, { one: "request a minute", many: "requests a minute", integer: true });

/** `latest`, or a dated version with optional suffixes, as the service lists them (`2022-09-01`, `2025-05-15-preview-ConvLevel`). */
const trainingConfigVersionShape = /^(latest|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-[A-Za-z0-9]+)*)$/;

/** What the user declares. Strict: a misspelt option is an error, not silently ignored. */
export const replicationArgsSchema = z.strictObject({
    primary: connectionSchema,
    secondary: connectionSchema,
    projectName: named(checkProjectName),
    secondaryProjectName: named(checkProjectName).optional(),
    projectKind: projectKindSchema.optional(),
    deploymentName: named(checkDeploymentName).optional(),
    modelLabel: named(checkModelLabel).optional(),
    training: z
        .strictObject({
            trainingConfigVersion: z
                .string()
                .regex(
                    trainingConfigVersionShape,
                    'must be "latest" or a training configuration version such as "2022-09-01" (the secondary lists its own)',
                )
                .default("latest"),
            trainingMode: z.enum(["standard", "advanced"]).optional(),
            evaluation: evaluationInputSchema.optional(),
        })
        .default({ trainingConfigVersion: "latest" }),
    apiVersion: apiVersionSchema.default("2023-04-01"),
    timeoutMinutes: timeoutMinutesSchema.default(timeoutMinutesSchema.parse({})),
    polling: pollingSchema.optional(),
    rateLimits: z
        .strictObject({ readsPerMinute: requestsPerMinute(), writesPerMinute: requestsPerMinute() })
        .optional(),
    onDelete: z.enum(["delete", "retain"]).default("delete"),
    promotion: promotionSchema.optional(),
    keepModels: bounded(inputLimits.keepModels, { one: "model", many: "models", integer: true }).default(2),
    servingModel: servingModelSchema,
    expiryWarningDays: bounded(inputLimits.expiryWarningDays, { one: "day", many: "days", integer: true }).default(30),
    retrainToken: retrainTokenSchema.optional(),
    documents: documentsSchema.optional(),
});
export type ReplicationArgs = z.infer<typeof replicationArgsSchema>;

/**
 * What `check` saw of the primary, recorded as an input so that `pulumi preview --diff` shows a
 * pending resync as a property change and `--expect-no-changes` fails exactly then.
 */
export const primaryRevisionSchema = z.strictObject({
    lastModifiedDateTime: z.string(),
    /** Absent for a replica that does not exist yet: its create exports the content, not check. */
    contentHash: z.string().optional(),
    /** Item counts per asset list, e.g. intents, utterances; absent with contentHash. */
    items: z.record(z.string(), z.number()).optional(),
    /** What this revision changed relative to the one the secondary holds. */
    changes: z.string(),
    /**
     * With `documents`: the primary's container, and the content id of every document the labels
     * reference, by location, as its listing shows them (see `document-fingerprint.ts`): a changed
     * text shows here.
     */
    documents: z.strictObject({ container: z.string(), contents: z.record(z.string(), z.string()) }).optional(),
});
export type PrimaryRevision = z.infer<typeof primaryRevisionSchema>;

/**
 * What `check` saw of the replica's expiry, recorded as an input for the same reason as the
 * primary's revision: `preview --diff` shows it, `--expect-no-changes` fails on it. It names the
 * training configuration version a renewal trains with when one is newer (so the model of that
 * renewal is a new candidate), and stays as it is once renewed.
 */
export const renewalSchema = z.strictObject({
    trainingConfigVersion: z.string().optional(),
    reason: z.string(),
}) satisfies z.ZodType<Renewal>;

/** The inputs after `check`: defaults resolved, kind and deployment read from the primary. */
export const checkedInputsSchema = replicationArgsSchema.extend({
    secondaryProjectName: z.string(),
    projectKind: projectKindSchema,
    deploymentName: z.string(),
    modelLabel: z.string(),
    primaryRevision: primaryRevisionSchema,
    renewal: renewalSchema.optional(),
});
export type CheckedInputs = z.infer<typeof checkedInputsSchema>;
