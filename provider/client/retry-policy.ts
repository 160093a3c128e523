/** How hard the client tries again, and how long it waits in between. */
export interface RetryPolicy {
    /** Attempts in all, the first included. */
    maxAttempts: number;
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

/**
 * The wait before attempt `attempt + 1`, or undefined when the client should give up.
 * `attempt` counts from 1. A Retry-After from the service wins over backoff, clamped.
 */
export function retryDelayMs(policy: RetryPolicy, outcome: AttemptOutcome, attempt: number, nowMs: number) {
    if (attempt >= policy.maxAttempts || !isRetryable(outcome)) return undefined;
    const advised = retryAfterMs(outcome.headers ?? {}, nowMs);
    if (advised !== undefined) return Math.min(advised, policy.maxRetryAfterMs);
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
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
