import type { Clock } from "../jobs/clock";

/** Requests allowed per resource within a sliding window. */
export interface RateLimits {
    /** Every method but GET counts as writing (the service documents "POST 10/minute"). */
    readonly writesPerMinute: number;
    readonly readsPerMinute: number;
    /** 60 000 unless a test wants a shorter window. */
    readonly windowMs?: number;
}

/** Learn "service limits" for authoring: POST 10 per minute, GET 100 per minute, per resource. */
export const documentedRateLimits: RateLimits = { writesPerMinute: 10, readsPerMinute: 100 };

const minuteMs = 60_000;

/** Sliding-window counter per resource and request class; rejected requests are not counted. */
export class RateLimiter {
    private readonly admitted = new Map<string, number[]>();

    constructor(
        private readonly limits: RateLimits | false,
        private readonly clock: Clock,
    ) {}

    /** `undefined` when the request may proceed (it is then counted), else the seconds to wait. */
    admit(resourceName: string, method: string): number | undefined {
        if (this.limits === false) {
            return undefined;
        }
        const reading = method === "GET";
        const limit = reading ? this.limits.readsPerMinute : this.limits.writesPerMinute;
        const windowMs = this.limits.windowMs ?? minuteMs;
        const key = `${resourceName}\n${reading ? "read" : "write"}`;
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
