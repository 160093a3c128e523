import type { Outage } from "./admin-schemas";

/** Which resources are down, and the requests held by a `hang` outage until it ends. */
export class OutageRegistry {
    private readonly outages = new Map<string, Outage>();
    private readonly held = new Map<string, Set<() => void>>();

    /** Takes the resource down (or changes how it is down; requests held so far are let go). */
    begin(resource: string, outage: Outage): void {
        this.releaseHeld(resource);
        this.outages.set(resource, outage);
    }

    /** Brings the resource back; held requests are let go (and closed unanswered). */
    end(resource: string): void {
        this.outages.delete(resource);
        this.releaseHeld(resource);
    }

    /** Every outage ends, e.g. when the emulator stops: no request stays held. */
    endAll(): void {
        for (const resource of [...this.outages.keys()]) {
            this.end(resource);
        }
    }

    current(resource: string): Outage | undefined {
        return this.outages.get(resource);
    }

    /** How many requests to this resource are held right now. */
    heldCount(resource: string): number {
        return this.held.get(resource)?.size ?? 0;
    }

    /** Resolves when this resource's outage ends or changes. */
    hold(resource: string): Promise<void> {
        return new Promise((resolve) => {
            let waiting = this.held.get(resource);
            if (waiting === undefined) {
                waiting = new Set();
                this.held.set(resource, waiting);
            }
            waiting.add(resolve);
        });
    }

    private releaseHeld(resource: string): void {
        const waiting = this.held.get(resource);
        this.held.delete(resource);
        for (const release of waiting ?? []) {
            release();
        }
    }
}
