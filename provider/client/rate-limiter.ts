import type { Clock } from "./clock";

/** Requests per minute allowed per resource, for reading (GET) and writing (any other method) calls. */
export interface RateLimits {
    readsPerMinute: number;
    writesPerMinute: number;
}

/** The documented authoring limits of a Language resource: 100 GET and 10 POST per minute. */
export const defaultRateLimits: RateLimits = { readsPerMinute: 100, writesPerMinute: 10 };

/** The documented prediction limit of a Language resource: 1000 requests per minute, whatever the method. */
export const predictionRateLimits: RateLimits = { readsPerMinute: 1_000, writesPerMinute: 1_000 };

/**
 * The client counts a little over a minute: the service counts arrivals, the client counts
 * departures, and a request sent at the very end of a window can arrive in the next one.
 */
const windowMs = 61_000;

/** A sliding-window limiter: at most `limit` acquisitions in any window. */
class SlidingWindow {
    private readonly starts: number[] = [];

    constructor(
        private readonly limit: number,
        private readonly clock: Clock,
    ) {}

    async acquire(signal?: AbortSignal): Promise<void> {
        for (;;) {
            const now = this.clock.now();
            while (this.starts.length > 0 && this.starts[0]! <= now - windowMs) this.starts.shift();
            if (this.starts.length < this.limit) {
                this.starts.push(now);
                return;
            }
            await this.clock.sleep(this.starts[0]! + windowMs - now, signal);
        }
    }
}

/**
 * Keeps one resource's request rate under its limits, so replicating many projects at once
 * waits here instead of tripping 429s at the service.
 */
export class ResourceRateLimiter {
    private readonly reads: SlidingWindow;
    private readonly writes: SlidingWindow;

    constructor(limits: RateLimits, clock: Clock) {
        this.reads = new SlidingWindow(limits.readsPerMinute, clock);
        this.writes = new SlidingWindow(limits.writesPerMinute, clock);
    }

    /** Resolves when a request with this method may be sent. */
    acquire(method: string, signal?: AbortSignal): Promise<void> {
        return (method.toUpperCase() === "GET" ? this.reads : this.writes).acquire(signal);
    }
}

/** Per clock, so a test's fake clock never shares a window with real time. */
const limitersByClock = new WeakMap<Clock, Map<string, ResourceRateLimiter>>();

/**
 * The limiter shared by every client of one resource in this process: the provider process
 * serves all the resources of a stack, which replicate concurrently against the same service.
 */
export function sharedRateLimiter(resourceKey: string, limits: RateLimits, clock: Clock): ResourceRateLimiter {
    let limiters = limitersByClock.get(clock);
    if (!limiters) {
        limiters = new Map();
        limitersByClock.set(clock, limiters);
    }
    const key = `${resourceKey} ${limits.readsPerMinute}/${limits.writesPerMinute}`;
    let limiter = limiters.get(key);
    if (!limiter) {
        limiter = new ResourceRateLimiter(limits, clock);
        limiters.set(key, limiter);
    }
    return limiter;
}
