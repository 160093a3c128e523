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
} as const;
