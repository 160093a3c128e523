/** How hard the client tries again, and how long it waits in between. */
export interface RetryPolicy {
    /** Attempts in all, the first included, counting failures other than throttling. */
    maxAttempts: number;
    /**
     * How long one request may wait in all for throttling (429) to pass. The authoring limits
     * count per resource over a sliding minute, so a fleet may be throttled for several minutes
     * on end: a budget of several windows slows it down without failing it.
     */
    throttleBudgetMs: number;
    /** First backoff when the service gave no Retry-After; doubled on each further attempt. */
    baseDelayMs: number;
    maxDelayMs: number;
    /** The longest Retry-After honoured; a larger one is clamped to it. */
    maxRetryAfterMs: number;
    /** Source of jitter in [0, 1); injected so tests are deterministic. */
    random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
    maxAttempts: 5,
    throttleBudgetMs: 10 * 60_000,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 60_000,
    random: Math.random,
};

/** Methods whose repetition cannot do anything twice (PUT deploy replaces, DELETE removes). */
const idempotentMethods = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/**
 * Statuses worth another try. 429 is retried for every method: a throttled request was
 * rejected before the service acted on it. The others only for idempotent methods, since a
 * POST :train that timed out at a gateway may have started a billed training job.
 */
const retryableStatuses: Readonly<Record<number, "any-method" | "idempotent">> = {
    408: "idempotent",
    429: "any-method",
    500: "idempotent",
    502: "idempotent",
    503: "idempotent",
    504: "idempotent",
};

/** What happened to one attempt. `status` is absent when the network failed. */
export interface AttemptOutcome {
    method: string;
    status?: number;
    headers?: Record<string, string | undefined>;
}

/** True when the outcome may be different if the same request is sent again. */
export function isRetryable(outcome: AttemptOutcome): boolean {
    const idempotent = idempotentMethods.has(outcome.method.toUpperCase());
    if (outcome.status === undefined) return idempotent;
    const rule = retryableStatuses[outcome.status];
    return rule === "any-method" || (rule === "idempotent" && idempotent);
}

/** What one request went through so far: failures other than throttling, and time spent throttled. */
export interface RetryHistory {
    /** Attempts that failed for another reason than throttling, this one included. */
    failures: number;
    /** Milliseconds already waited for throttling to pass. */
    throttledMs: number;
}

/**
 * The wait before the next attempt, or undefined when the client should give up. Throttling
 * (429) has a budget of time rather than of attempts; other failures have `maxAttempts`. A
 * Retry-After from the service wins over backoff, clamped; a throttled wait gets up to a quarter
 * more at random, so the replications a window refused do not all come back at its edge.
 */
export function retryDelayMs(
    policy: RetryPolicy,
    outcome: AttemptOutcome,
    history: RetryHistory,
    nowMs: number,
): number | undefined {
    if (!isRetryable(outcome)) return undefined;
    const advised = retryAfterMs(outcome.headers ?? {}, nowMs);
    if (outcome.status === 429) {
        if (history.throttledMs >= policy.throttleBudgetMs) return undefined;
        const wait = Math.min(advised ?? policy.baseDelayMs, policy.maxRetryAfterMs);
        return Math.round(wait * (1 + 0.25 * policy.random()));
    }
    if (history.failures >= policy.maxAttempts) return undefined;
    if (advised !== undefined) return Math.min(advised, policy.maxRetryAfterMs);
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (history.failures - 1));
    // Jitter of +-20% keeps many replications that failed together from retrying in lockstep.
    return Math.round(backoff * (0.8 + 0.4 * policy.random()));
}

/**
 * Reads how long the service asks to wait: `retry-after-ms` / `x-ms-retry-after-ms` (Azure),
 * else `retry-after` as seconds or as an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Record<string, string | undefined>, nowMs: number): number | undefined {
    for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
        const ms = Number(headers[name]);
        if (headers[name] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
    }
    const value = headers["retry-after"]?.trim();
    if (!value) return undefined;
    if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
