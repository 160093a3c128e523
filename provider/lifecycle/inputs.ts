import { z } from "zod";
import { checkEndpoint } from "../client/endpoint";
import {
    apiVersionSchema,
    checkDeploymentName,
    checkModelLabel,
    checkProjectName,
    evaluationOptionsSchema,
    projectKindSchema,
} from "../contract";

/** Turns a name rule of the contract into a zod refinement with the same words. */
const named = (check: (name: string) => string | undefined) =>
    z.string().superRefine((name, ctx) => {
        const problem = check(name);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/**
 * One Language resource: its endpoint and how to authenticate, either a resource key (give it
 * as a secret) or Microsoft Entra ID (a service principal secret, or DefaultAzureCredential).
 */
export const connectionSchema = z
    .strictObject({
        endpoint: z.string().superRefine((endpoint, ctx) => {
            const checked = checkEndpoint(endpoint);
            if ("problem" in checked) ctx.addIssue({ code: "custom", message: checked.problem });
        }),
        key: z.string().min(1, "the key must not be empty").optional(),
        entraId: z
            .strictObject({
                tenantId: z.string().optional(),
                clientId: z.string().optional(),
                clientSecret: z.string().optional(),
            })
            .optional(),
    })
    .superRefine((connection, ctx) => {
        if ((connection.key === undefined) === (connection.entraId === undefined)) {
            ctx.addIssue({ code: "custom", path: ["key"], message: 'give exactly one of "key" or "entraId"' });
        }
    });
export type Connection = z.infer<typeof connectionSchema>;

/** Minutes each step may take before the provider stops waiting (the engine ignores customTimeouts). */
export const timeoutMinutesSchema = z.strictObject({
    export: z.number().positive().default(15),
    import: z.number().positive().default(15),
    train: z.number().positive().default(240),
    deploy: z.number().positive().default(60),
    delete: z.number().positive().default(15),
});
export type TimeoutMinutes = z.infer<typeof timeoutMinutesSchema>;

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
            trainingConfigVersion: z.string().min(1).default("latest"),
            trainingMode: z.enum(["standard", "advanced"]).optional(),
            evaluation: evaluationOptionsSchema.optional(),
        })
        .default({ trainingConfigVersion: "latest" }),
    apiVersion: apiVersionSchema.default("2023-04-01"),
    timeoutMinutes: timeoutMinutesSchema.default(timeoutMinutesSchema.parse({})),
    polling: z
        .strictObject({
            initialIntervalMs: z.number().int().positive().default(1_000),
            maxIntervalMs: z.number().int().positive().default(30_000),
        })
        .default({ initialIntervalMs: 1_000, maxIntervalMs: 30_000 }),
    rateLimits: z
        .strictObject({ readsPerMinute: z.number().int().positive(), writesPerMinute: z.number().int().positive() })
        .optional(),
    onDelete: z.enum(["delete", "retain"]).default("delete"),
});
export type ReplicationArgs = z.infer<typeof replicationArgsSchema>;

/**
 * What `check` saw of the primary, recorded as an input so that `pulumi preview --diff` shows a
 * pending resync as a property change and `--expect-no-changes` fails exactly then.
 */
export const primaryRevisionSchema = z.strictObject({
    lastModifiedDateTime: z.string(),
    contentHash: z.string(),
    /** Item counts per asset list, e.g. intents, utterances. */
    items: z.record(z.string(), z.number()),
    /** What this revision changed relative to the one the secondary holds. */
    changes: z.string(),
});
export type PrimaryRevision = z.infer<typeof primaryRevisionSchema>;

/** The inputs after `check`: defaults resolved, kind and deployment read from the primary. */
export const checkedInputsSchema = replicationArgsSchema.extend({
    secondaryProjectName: z.string(),
    projectKind: projectKindSchema,
    deploymentName: z.string(),
    modelLabel: z.string(),
    primaryRevision: primaryRevisionSchema,
});
export type CheckedInputs = z.infer<typeof checkedInputsSchema>;
