/**
 * Everything time-dependent in the emulator (job progression, timestamps, rate limits, the request
 * log) reads this, so tests can freeze or step time instead of sleeping.
 */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to; "after T ms" jobs and rate-limit windows follow it. */
export class ManualClock implements Clock {
    constructor(private current: number) {}

    now(): number {
        return this.current;
    }

    advance(ms: number): void {
        this.current += ms;
    }
}
