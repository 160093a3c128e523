import { BenchBed } from "./bench-bed";
import { count, syncedReplicas, timed } from "./measure";
import { countFigure, type Figure, ratioFigure, seconds } from "./figures";
import { fleetProgram } from "./fleet-program";
import { fleetProjects } from "./fleet-projects";
import { seedProjects } from "./seed-projects";

/** The service's authoring limits (10 writes, 100 reads a minute) scaled up six times, so 100 projects fit in minutes. */
const limits = { writesPerMinute: 60, readsPerMinute: 600 };

/**
 * P2, throttled: a fleet of every kind replicated at once under the same limits in the emulator
 * and the provider, with 1-second jobs so that throttling is what the wall time measures. The
 * bound is the writes the busiest resource had to take, at its write rate; a fleet that keeps
 * the write budget busy finishes near it (the first minute's writes go at once, so a little
 * under it). Every replica must be created, and no 429 may reach a caller (429s the client
 * absorbed by waiting are counted apart).
 */
export async function measureThrottledFleet(size: number, log: (line: string) => void): Promise<Figure[]> {
    const bed = await BenchBed.start();
    try {
        const projects = fleetProjects(size);
        const primary = { ...bed.resources.primary, storageConnectionString: bed.storageConnectionString };
        await seedProjects(
            primary,
            projects.map((project) => project.file),
        );
        await bed.admin.setJobTiming({ mode: "afterMs", ms: 1_000 });
        await bed.admin.setRateLimits(limits);
        await bed.admin.clearRequests();
        const stack = await bed.openStack(
            "p2-throttled",
            fleetProgram(projects, { ...bed.resources, rateLimits: limits }),
        );
        log(
            `P2: creating a fleet of ${size} under ${limits.writesPerMinute} writes and ${limits.readsPerMinute} reads a minute`,
        );
        const { ms } = await timed(() => stack.up({ parallel: size, continueOnError: true }).catch(() => undefined));
        const synced = await syncedReplicas(stack);
        const writes = await Promise.all(
            ["primary", "secondary"].map(async (resource) => {
                const requests = await bed.requests(resource);
                return { resource, admitted: requests.filter((r) => r.method !== "GET" && r.status !== 429).length };
            }),
        );
        const busiest = writes.reduce((most, next) => (next.admitted > most.admitted ? next : most));
        const boundMs = (busiest.admitted / limits.writesPerMinute) * 60_000;
        const throttled = count(await bed.requests(), { status: 429 });
        log(
            `P2: ${synced} of ${size} replicas created in ${seconds(ms)}; writes ${writes.map((w) => `${w.resource} ${w.admitted}`).join(", ")}; ` +
                `${throttled} 429s absorbed by the client's retries`,
        );
        return [
            ratioFigure(
                "P2",
                `fleet of ${size} throttled: wall / throttle bound`,
                ms / boundMs,
                1.1,
                `${seconds(ms)} / ${busiest.admitted} writes on the ${busiest.resource} at ${limits.writesPerMinute}/min = ${seconds(boundMs)}`,
            ),
            countFigure(
                "P2",
                `fleet of ${size} throttled: replicas failed (a 429 reaching a caller fails one)`,
                size - synced,
                0,
            ),
        ];
    } finally {
        await bed.stop();
    }
}
