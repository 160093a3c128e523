import * as os from "node:os";
import { BenchBed } from "./benchmark/bench-bed";
import { type Figure, renderFigures } from "./benchmark/figures";
import { measureOneReplication } from "./benchmark/p1-one-replication";
import { measureThrottledFleet } from "./benchmark/p2-throttled-fleet";
import { createFleet } from "./benchmark/p2-unthrottled-fleet";
import { measureInSyncPreview } from "./benchmark/p3-in-sync-preview";
import { measureLargeProject } from "./benchmark/p4-large-project";
import { measureCost } from "./benchmark/p5-cost";

/**
 * `npm run bench [-- --quick] [-- --only P2,P4]`: the fleet-scale figures P1-P5 of issue 16,
 * each beside its target, measured in one run against the emulator under the real Pulumi engine.
 *
 *   P1  one replication, jobs as long as the service's: overhead over the job lengths
 *   P2  a fleet of every kind, throttled as the service throttles (scaled up): wall against the
 *       throttle bound, failures, 429s; and unthrottled: the fleet's create against one project's
 *   P3  an in-sync preview of the fleet: requests per replica, wall against trivial resources
 *   P4  a 50,000-utterance CLU project: provider memory, fingerprint CPU, exports per edit
 *   P5  cost: a save without changes and a content edit, in imports, trainings and exports
 *
 * Wall times are only as good as the machine is quiet: the load average is printed at the start
 * and the end. `--quick` shrinks the fleet and the large project for a fast look; the figures it
 * prints are not the targets' (see README, "Benchmark").
 */
const quick = process.argv.includes("--quick");
const only = process.argv[process.argv.indexOf("--only") + 1]?.split(",") ?? ["P1", "P2", "P3", "P4", "P5"];
const wanted = (...ids: string[]) => !process.argv.includes("--only") || ids.some((id) => only.includes(id));

/** Full: the sizes the targets are set for. Quick: small enough for a look in a few minutes. */
const sizes = quick ? { fleet: 10, utterances: 10_000 } : { fleet: 100, utterances: 50_000 };

async function main(): Promise<void> {
    const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
    log(`${quick ? "quick run" : "full run"}; ${os.cpus().length} cores, load average ${loadAverage()}`);
    const figures: Figure[] = [];
    if (wanted("P1")) figures.push(...(await measureOneReplication(log)));
    if (wanted("P2")) figures.push(...(await measureThrottledFleet(sizes.fleet, log)));
    if (wanted("P2", "P3", "P5")) figures.push(...(await measureFleet(sizes.fleet, log)));
    if (wanted("P4")) figures.push(...(await measureLargeProject(sizes.utterances, log)));
    log(`done; load average ${loadAverage()}`);
    console.log(`\n${renderFigures(figures)}`);
    const targets = figures.filter((figure) => !figure.informational);
    const missed = targets.filter((figure) => !figure.met);
    if (missed.length > 0) {
        console.log(`\n${missed.length} of ${targets.length} figures missed their target`);
        process.exitCode = 1;
    }
}

/** P2 unthrottled, then P3 and P5 on the fleet it created. */
async function measureFleet(size: number, log: (line: string) => void): Promise<Figure[]> {
    const bed = await BenchBed.start();
    try {
        const fleet = await createFleet(bed, size, log);
        return [
            ...fleet.figures,
            ...(await measureInSyncPreview(bed, fleet, size, log)),
            ...(await measureCost(bed, fleet.stack, fleet.projects, log)),
        ];
    } finally {
        await bed.stop();
    }
}

function loadAverage(): string {
    return os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ");
}

main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exitCode = 1;
});
