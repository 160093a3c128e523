/** The two resources of a replicated project: the primary and its replica in another region. */
export type RegionName = "primary" | "secondary";

/** What a caller can log about a failover client; a snapshot, taken by `counters()`. */
export interface FailoverCounters {
    /** Calls made to the client. */
    requests: number;
    /** Calls answered, by the region that answered them. */
    answered: Record<RegionName, number>;
    /** Attempts that timed out, lost their connection or got a 408, 429 or 5xx, by region. */
    regionFailures: Record<RegionName, number>;
    /** Calls that ended in an error for the caller (both regions failed, or the request was refused). */
    failed: number;
    /** Times the breaker opened: requests went to the secondary without asking the primary. */
    failovers: number;
    /** Times a probe of the primary was answered and requests went back to it. */
    failbacks: number;
    /** When the last failover or failback happened. */
    lastSwitchAt?: Date;
    /** Where the next request goes first: the secondary while the breaker is open or probing. */
    routingTo: RegionName;
}

/** The counters a router keeps; `snapshot` hands out a copy, so a logged value never changes later. */
export class CounterBook {
    private readonly counts: FailoverCounters = {
        requests: 0,
        answered: { primary: 0, secondary: 0 },
        regionFailures: { primary: 0, secondary: 0 },
        failed: 0,
        failovers: 0,
        failbacks: 0,
        routingTo: "primary",
    };

    request(): void {
        this.counts.requests++;
    }

    answered(region: RegionName): void {
        this.counts.answered[region]++;
    }

    regionFailure(region: RegionName): void {
        this.counts.regionFailures[region]++;
    }

    failed(): void {
        this.counts.failed++;
    }

    switched(to: RegionName, at: Date): void {
        if (to === "secondary") this.counts.failovers++;
        else this.counts.failbacks++;
        this.counts.routingTo = to;
        this.counts.lastSwitchAt = at;
    }

    snapshot(): FailoverCounters {
        const { answered, regionFailures, lastSwitchAt, ...rest } = this.counts;
        return {
            ...rest,
            answered: { ...answered },
            regionFailures: { ...regionFailures },
            ...(lastSwitchAt && { lastSwitchAt: new Date(lastSwitchAt) }),
        };
    }
}
