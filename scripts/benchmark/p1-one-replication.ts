import { ReplicatedLanguageProject } from "../../provider";
import { sampleProjects } from "../../stacks/local/samples";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { BenchBed } from "./bench-bed";
import { count, jobTriggers, timed } from "./measure";
import { type Figure, ratioFigure, seconds } from "./figures";

/** Job lengths shaped like the service's for a small project: what one replication waits for at least. */
const jobMs = { export: 2_000, import: 2_000, train: 30_000, deploy: 6_000 } as const;
const jobSumMs = Object.values(jobMs).reduce((sum, ms) => sum + ms, 0);

/** Empty `up`s measured: their median is what the engine itself costs on this machine now. */
const emptyRuns = 3;

/**
 * P1: one replication of the sample CLU project with the provider's default settings, under
 * the service's documented rate limits, jobs as long as the service's. What the replication
 * adds to an empty `up` of the same run, over the sum of the job lengths, is the provider's
 * overhead: polling late, requests besides the jobs, loading.
 */
export async function measureOneReplication(log: (line: string) => void): Promise<Figure[]> {
    const bed = await BenchBed.start();
    try {
        const clu = sampleProjects[0]!;
        await seedPrimary(
            { ...bed.resources.primary, storageConnectionString: bed.storageConnectionString },
            [clu],
            () => undefined,
        );
        await bed.admin.setRateLimits({ writesPerMinute: 10, readsPerMinute: 100 });
        for (const [operation, ms] of Object.entries(jobMs)) {
            await bed.admin.setJobTiming({ mode: "afterMs", ms }, { operation: operation as keyof typeof jobMs });
        }
        const empty = await bed.openStack("p1-empty", async () => {});
        const emptyMs: number[] = [];
        for (let run = 0; run < emptyRuns; run++) emptyMs.push((await timed(() => empty.up())).ms);
        const engineMs = median(emptyMs);
        log(`P1: an empty up takes ${seconds(engineMs)} (median of ${emptyMs.map(seconds).join(", ")})`);

        const projectName = clu.file.metadata.projectName;
        const stack = await bed.openStack("p1-one", async () => {
            new ReplicatedLanguageProject(projectName, { ...bed.resources, projectName });
        });
        await bed.admin.clearRequests();
        const { ms } = await timed(() => stack.up());
        const requests = await bed.requests();
        const jobs = Object.values(jobTriggers).map(
            (path) => count(requests, { method: "POST", path }) + count(requests, { method: "PUT", path }),
        );
        if (jobs.some((started) => started !== 1))
            throw new Error(`P1: expected one job of each kind, got ${jobs.join(", ")}`);
        log(`P1: one replication took ${seconds(ms)}: ${requests.length} requests`);
        const ratio = (ms - engineMs) / jobSumMs;
        return [
            ratioFigure(
                "P1",
                "one replication, default settings: (wall - empty up) / sum of job lengths",
                ratio,
                1.1,
                `(${seconds(ms)} - ${seconds(engineMs)}) / ${seconds(jobSumMs)}`,
            ),
        ];
    } finally {
        await bed.stop();
    }
}

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
