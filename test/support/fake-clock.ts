import type { Clock } from "../../provider/client/clock";

/**
 * A clock that never waits: `sleep` moves time forward at once and records the wait, so tests
 * assert on the waits instead of spending them.
 */
export class FakeClock implements Clock {
    readonly sleeps: number[] = [];

    constructor(private time = Date.parse("2026-11-22T08:00:00Z")) {}

    now(): number {
        return this.time;
    }

    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
        signal?.throwIfAborted();
        this.sleeps.push(ms);
        this.time += ms;
    }

    advance(ms: number): void {
        this.time += ms;
    }
}
