import { z } from "zod";
import { conversationsRuntimeApiVersionSchema, parseContract, textRuntimeApiVersionSchema } from "../provider/contract";
import { connectionSchema } from "../provider/lifecycle/connection-input";

const milliseconds = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * When the primary counts as down and when it is asked again. One failure is never enough: a
 * single dropped connection or 503 is retried on the secondary, but the breaker opens only on a
 * run of them, as Microsoft advises for runtime failover ("consistent failures").
 */
export const breakerOptionsSchema = z.strictObject({
    /** Consecutive failures or timeouts of the primary that open the breaker; at least 2. */
    failureThreshold: z.number().int().min(2).max(1000).default(3),
    /** How long the breaker stays open before the next request probes the primary. */
    halfOpenAfterMs: milliseconds(10, 3_600_000).default(30_000),
});
export type BreakerOptions = z.output<typeof breakerOptionsSchema>;

/**
 * What `createFailoverClient` takes. `primary` and `secondary` have the shapes of the
 * `ReplicatedLanguageProject` inputs (`{ endpoint, key }` or `{ endpoint, entraId }`), so a
 * stack's outputs can be handed over as they are.
 */
export const failoverClientOptionsSchema = z.strictObject({
    primary: connectionSchema,
    secondary: connectionSchema,
    /** The project on the primary. */
    projectName: z.string().min(1),
    /** The replica's name, when it differs (`secondaryProjectName` of the resource). */
    secondaryProjectName: z.string().min(1).optional(),
    /** The deployment asked on both resources: the replica is deployed under the primary's name. */
    deploymentName: z.string().min(1),
    breaker: breakerOptionsSchema.default(breakerOptionsSchema.parse({})),
    /** Longest wait for one conversation prediction from one region. */
    requestTimeoutMs: milliseconds(10, 600_000).default(10_000),
    /** Longest wait for one text analysis job (submit, polls and results) in one region. */
    textJobTimeoutMs: milliseconds(10, 3_600_000).default(60_000),
    /** Pause between polls of a text analysis job. */
    textPollIntervalMs: milliseconds(0, 60_000).default(1_000),
    conversationsApiVersion: conversationsRuntimeApiVersionSchema.default("2023-04-01"),
    textApiVersion: textRuntimeApiVersionSchema.default("2023-04-01"),
});
export type FailoverClientInput = z.input<typeof failoverClientOptionsSchema>;
export type FailoverClientSettings = z.output<typeof failoverClientOptionsSchema>;

/** Validates the options; the message names the field and never repeats a key or secret. */
export function parseFailoverOptions(options: unknown): FailoverClientSettings {
    return parseContract(failoverClientOptionsSchema, options, "createFailoverClient options");
}
