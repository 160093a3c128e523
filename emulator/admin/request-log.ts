import type { Clock } from "../jobs/clock";

/** One request that reached the emulator's service side (admin requests are not logged). */
export interface RequestLogEntry {
    readonly time: string;
    /** The resource the path prefix named, or null when it named none. */
    readonly resource: string | null;
    readonly method: string;
    /** Below the resource endpoint, without the query (the full path when no resource matched). */
    readonly path: string;
    /** null when the connection was dropped without an answer. */
    readonly status: number | null;
}

// A long-running emulator must not grow without bound; tests read far fewer entries than this.
const maxEntries = 10_000;

/** What reached which resource, in order: the proof tests use that a request went to the secondary. */
export class RequestLog {
    private entries: RequestLogEntry[] = [];

    constructor(private readonly clock: Clock) {}

    record(entry: Omit<RequestLogEntry, "time">): void {
        this.entries.push({ time: new Date(this.clock.now()).toISOString(), ...entry });
        if (this.entries.length > maxEntries) {
            this.entries = this.entries.slice(-maxEntries);
        }
    }

    list(resource?: string): readonly RequestLogEntry[] {
        return resource === undefined ? this.entries : this.entries.filter((entry) => entry.resource === resource);
    }

    /** Forgets every entry, or only those of one resource. */
    clear(resource?: string): void {
        this.entries = resource === undefined ? [] : this.entries.filter((entry) => entry.resource !== resource);
    }
}
