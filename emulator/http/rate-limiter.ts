import type { Clock } from "../jobs/clock";

/** Requests allowed per resource within a sliding window. */
export interface RateLimits {
    /** Every method but GET counts as writing (the service documents "POST 10/minute"). */
    readonly writesPerMinute: number;
    readonly readsPerMinute: number;
    /** Runtime (prediction) requests, GET or POST, in a budget of their own; 1,000 when absent. */
    readonly predictionsPerMinute?: number;
    /** 60 000 unless a test wants a shorter window. */
    readonly windowMs?: number;
}

/**
 * Learn "service limits" (CLU, custom text classification, custom NER alike): authoring POST 10 per
 * minute and GET 100 per minute, prediction GET/POST 1,000 per minute, per resource.
 */
const documentedPredictionsPerMinute = 1000;

export const documentedRateLimits: RateLimits = {
    writesPerMinute: 10,
    readsPerMinute: 100,
    predictionsPerMinute: documentedPredictionsPerMinute,
};

const minuteMs = 60_000;

/** Sliding-window counter per resource and request class; rejected requests are not counted. */
export class RateLimiter {
    private readonly admitted = new Map<string, number[]>();
    private limits: RateLimits | false;

    constructor(
        private readonly initial: RateLimits | false,
        private readonly clock: Clock,
    ) {
        this.limits = initial;
    }

    /** The limits in force. */
    current(): RateLimits | false {
        return this.limits;
    }

    /**
     * New limits from now on (the admin API's, e.g. a test that seeds a resource unthrottled and
     * then measures under the service's limits); what was counted so far is forgotten.
     */
    set(limits: RateLimits | false): void {
        this.limits = limits;
        this.admitted.clear();
    }

    /** Back to the limits the emulator was started with. */
    reset(): void {
        this.set(this.initial);
    }

    /**
     * An authoring request: `undefined` when it may proceed (it is then counted), else the seconds
     * to wait.
     */
    admit(resourceName: string, method: string): number | undefined {
        if (this.limits === false) {
            return undefined;
        }
        const reading = method === "GET";
        const limit = reading ? this.limits.readsPerMinute : this.limits.writesPerMinute;
        return this.admitInto(`${resourceName}\n${reading ? "read" : "write"}`, limit, this.limits);
    }

    /** A runtime request, counted apart from authoring ones; answers like `admit`. */
    admitPrediction(resourceName: string): number | undefined {
        if (this.limits === false) {
            return undefined;
        }
        const limit = this.limits.predictionsPerMinute ?? documentedPredictionsPerMinute;
        return this.admitInto(`${resourceName}\nprediction`, limit, this.limits);
    }

    private admitInto(key: string, limit: number, limits: RateLimits): number | undefined {
        const windowMs = limits.windowMs ?? minuteMs;
        const now = this.clock.now();
        const recent = (this.admitted.get(key) ?? []).filter((time) => time > now - windowMs);
        this.admitted.set(key, recent);
        if (recent.length >= limit) {
            return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
        }
        recent.push(now);
        return undefined;
    }
}
