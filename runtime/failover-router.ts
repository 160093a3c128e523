import { EventEmitter } from "node:events";
import {
    BrokenCircuitError,
    circuitBreaker,
    CircuitState,
    ConsecutiveBreaker,
    handleAll,
    TaskCancelledError,
    timeout,
    TimeoutStrategy,
    type CircuitBreakerPolicy,
} from "cockatiel";
import type { LanguageApiError } from "../provider/client/language-api-error";
import { CounterBook, type FailoverCounters, type RegionName } from "./failover-counters";
import type { BreakerOptions } from "./failover-options";
import { NoRegionAnsweredError } from "./no-region-answered-error";
import { describeFailure, type RegionLabel } from "./region-failure";

/** A call's answer, with the region that gave it. */
export interface Answer<Result> {
    result: Result;
    region: RegionName;
    /** From the call to its answer, retries on the secondary included. */
    durationMs: number;
    /** Why the primary did not answer, when it was asked first and failed. */
    primaryFailure?: LanguageApiError;
}

/** The breaker opened: requests go to the secondary without asking the primary. */
export interface FailoverEvent {
    at: Date;
    /** The consecutive failures that opened it (the breaker's threshold). */
    consecutiveFailures: number;
    /** The last of them. */
    reason: LanguageApiError;
}

/** A probe of the primary was answered: requests go to the primary again. */
export interface FailbackEvent {
    at: Date;
    /** Since the failover this ends. */
    failedOverForMs: number;
}

export interface FailoverEventMap {
    failover: [FailoverEvent];
    failback: [FailbackEvent];
}

/** One attempt at one region: `call` must honour the signal, which aborts at the timeout. */
export type RegionCall<Result> = (region: RegionName, signal: AbortSignal) => Promise<Result>;

/** An attempt the region answered (with a result, or refusing the request itself), or one it failed. */
type Attempt<Result> =
    | { kind: "answered"; result: Result }
    | { kind: "refused"; error: LanguageApiError }
    | { kind: "failed"; error: LanguageApiError };

/** The primary may also not be asked at all, while its breaker is open. */
type PrimaryAttempt<Result> = Attempt<Result> | { kind: "skipped" };

/**
 * Sends each call to the primary unless its circuit breaker (cockatiel, consecutive failures) is
 * open, and to the secondary at once when the primary fails or is skipped. Only region failures
 * count (timeouts, lost connections, 408/429/5xx): an answer, even a 4xx refusing the request,
 * shows the region is up, resets the count and is returned to the caller as it is, since the
 * replica would refuse the same request. While open, the first call after `halfOpenAfterMs`
 * probes the primary (a failed probe is retried on the secondary, so the caller does not see
 * it); calls made while a probe is in flight go to the secondary rather than wait for it.
 */
export class FailoverRouter {
    readonly events = new EventEmitter<FailoverEventMap>();
    private readonly breaker: CircuitBreakerPolicy;
    private readonly counters = new CounterBook();
    private failedOverAt?: Date;
    /** Both regions' secrets are redacted from every message: a gateway could echo either. */
    private readonly secrets: readonly string[];

    constructor(
        private readonly options: BreakerOptions,
        private readonly regions: Readonly<Record<RegionName, RegionLabel>>,
    ) {
        this.secrets = [...regions.primary.secrets, ...regions.secondary.secrets];
        this.breaker = circuitBreaker(handleAll, {
            halfOpenAfter: options.halfOpenAfterMs,
            breaker: new ConsecutiveBreaker(options.failureThreshold),
        });
        this.breaker.onBreak((reason) => this.onBreak(reason));
        this.breaker.onReset(() => this.onReset());
    }

    counterSnapshot(): FailoverCounters {
        return this.counters.snapshot();
    }

    /**
     * Routes one call. A caller's abort returns at once with its reason; an attempt already sent
     * runs on until it is answered or times out, so the breaker still learns how the region did.
     */
    async route<Result>(
        operation: string,
        call: RegionCall<Result>,
        timeoutMs: number,
        signal?: AbortSignal,
    ): Promise<Answer<Result>> {
        signal?.throwIfAborted();
        this.counters.request();
        const routed = this.routeDetached(operation, call, timeoutMs, signal);
        return signal === undefined ? routed : untilAborted(routed, signal);
    }

    private async routeDetached<Result>(
        operation: string,
        call: RegionCall<Result>,
        timeoutMs: number,
        signal: AbortSignal | undefined,
    ): Promise<Answer<Result>> {
        const started = performance.now();
        const answer = (region: RegionName, result: Result, primaryFailure?: LanguageApiError) => {
            this.counters.answered(region);
            return {
                result,
                region,
                durationMs: Math.round(performance.now() - started),
                ...(primaryFailure && { primaryFailure }),
            };
        };
        const primary = await this.askPrimary(operation, call, timeoutMs);
        if (primary.kind === "answered") return answer("primary", primary.result);
        if (primary.kind === "refused") throw this.refused(primary.error);
        if (primary.kind === "failed") this.counters.regionFailure("primary");
        if (signal?.aborted) throw signal.reason;
        const primaryFailure = primary.kind === "failed" ? primary.error : undefined;
        const secondary = await this.ask("secondary", operation, call, timeoutMs);
        if (secondary.kind === "answered") return answer("secondary", secondary.result, primaryFailure);
        if (secondary.kind === "refused") throw this.refused(secondary.error);
        this.counters.regionFailure("secondary");
        this.counters.failed();
        throw new NoRegionAnsweredError(primaryFailure, secondary.error);
    }

    /** Through the breaker: a region failure counts towards opening it, and fails a probe. */
    private async askPrimary<Result>(
        operation: string,
        call: RegionCall<Result>,
        timeoutMs: number,
    ): Promise<PrimaryAttempt<Result>> {
        // A probe is in flight: cockatiel would hold this call until the probe ends.
        if (this.breaker.state === CircuitState.HalfOpen) return { kind: "skipped" };
        try {
            return await this.breaker.execute(async () => {
                const outcome = await this.ask("primary", operation, call, timeoutMs);
                if (outcome.kind === "failed") throw outcome.error;
                return outcome;
            });
        } catch (error) {
            if (error instanceof BrokenCircuitError) return { kind: "skipped" };
            return { kind: "failed", error: error as LanguageApiError };
        }
    }

    /** One attempt at one region under the timeout; never throws. */
    private async ask<Result>(
        region: RegionName,
        operation: string,
        call: RegionCall<Result>,
        timeoutMs: number,
    ): Promise<Attempt<Result>> {
        try {
            const result = await timeout(timeoutMs, TimeoutStrategy.Aggressive).execute(async ({ signal }) => {
                try {
                    return await call(region, signal);
                } catch (error) {
                    // The SDK's own abort error, if it wins the race with the timeout's.
                    throw signal.aborted ? new TaskCancelledError(`Operation timed out after ${timeoutMs}ms`) : error;
                }
            });
            return { kind: "answered", result };
        } catch (error) {
            const label = { resource: this.regions[region].resource, secrets: this.secrets };
            const failure = describeFailure(error, operation, label);
            return failure.isRetryable ? { kind: "failed", error: failure } : { kind: "refused", error: failure };
        }
    }

    private refused(error: LanguageApiError): LanguageApiError {
        this.counters.failed();
        return error;
    }

    /** Opened from closed is a failover; reopened after a failed probe is not a new one. */
    private onBreak(reason: { error: unknown } | { value: unknown } | { isolated: true }): void {
        if (this.failedOverAt !== undefined) return;
        // Date.now, which cockatiel's breaker reads too: one clock for both, faked alike in tests.
        const at = new Date(Date.now());
        this.failedOverAt = at;
        this.counters.switched("secondary", at);
        this.events.emit("failover", {
            at,
            consecutiveFailures: this.options.failureThreshold,
            reason: (reason as { error: LanguageApiError }).error,
        });
    }

    private onReset(): void {
        const at = new Date(Date.now());
        const failedOverForMs = at.getTime() - (this.failedOverAt ?? at).getTime();
        this.failedOverAt = undefined;
        this.counters.switched("primary", at);
        this.events.emit("failback", { at, failedOverForMs });
    }
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts (`work` then settles unheard). */
function untilAborted<Result>(work: Promise<Result>, signal: AbortSignal): Promise<Result> {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
}
