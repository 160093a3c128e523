/**
 * The ranges the numeric inputs must lie in, each with why. A value outside them is refused by
 * `check` before any request: tiny timeouts fail every step at once, huge ones or huge polling
 * intervals hang a run for years, huge rate limits turn the client-side limiter off unseen.
 */
export const inputLimits = {
    /**
     * At least a second: a step can then see one poll (against the emulator, whose jobs finish in
     * milliseconds, tests time steps out in seconds). At most 7 days, the service's job lifetime:
     * a job's status URL is gone after that.
     */
    timeoutMinutes: {
        min: 1 / 60,
        minShown: "1/60 minute (1 second)",
        max: 7 * 24 * 60,
        why: "7 days, the lifetime of the service's jobs",
    },
    /** The first wait between polls: from 10 ms (the emulator's jobs can be immediate) to 1 minute. */
    initialIntervalMs: { min: 10, max: 60_000, why: "1 minute" },
    /** The longest wait between polls, also the cap on a Retry-After: up to 10 minutes. */
    maxIntervalMs: { min: 10, max: 600_000, why: "10 minutes" },
    /**
     * Requests a minute per resource. The documented authoring limits are 100 GET and 10 POST a
     * minute (Learn "service limits"); a budget far above them only earns 429s.
     */
    requestsPerMinute: { min: 1, max: 10_000, why: "100 times the service's documented 100 GET a minute" },
    /** Each side of a percentage split keeps some data: 0 would train on nothing or evaluate nothing. */
    splitPercentage: { min: 1, max: 99, why: "both the training and the testing set need data" },
    /**
     * Models kept per replica: at least the one serving; at most the 10 trained models the service
     * keeps per project (Learn "service limits").
     */
    keepModels: { min: 1, max: 10, why: "the service keeps at most 10 trained models per project" },
    /** Deployments expire a year after their training configuration: warning earlier says nothing. */
    expiryWarningDays: { min: 0, max: 365, why: "deployments expire a year after their training configuration" },
    /**
     * Utterances or documents sent to both deployments by the parity probe: at least one; at most
     * 1000, the service's prediction requests a minute.
     */
    paritySampleSize: { min: 1, max: 1000, why: "the service's 1000 prediction requests a minute" },
    /** A share: F1 scores, their drop and the agreement rate all lie between 0 and 1. */
    fraction: { min: 0, max: 1, why: "a share such as 0.8, not a percentage" },
} as const;
