import { ReplicatedLanguageProject } from "../provider";
import { EmulatorAdminClient } from "../emulator";
import { sampleProjects } from "../stacks/local/samples";
import { seedPrimary } from "../stacks/local/seed-primary";
import { localResources } from "../stacks/local/settings";
import { freePorts, startLocalServices } from "./local-stack/local-services";
import { openOfflineStack, repoRoot } from "./pulumi/offline-workspace";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Measures one full replication (export -> import -> train -> deploy of the CLU sample, under the
 * real Pulumi engine) against the emulator, whose jobs each take a fixed time, and prints the wall
 * time beside the sum of the emulator's job durations: the difference is what the engine, the
 * provider and its polling add. Two polling settings run side by side in the same process.
 *
 *   npm run bench
 */
const jobMs = 2_000;
const pollings = [
    {
        name: "default polling (1 s, growing by half to 30 s)",
        polling: { initialIntervalMs: 1_000, maxIntervalMs: 30_000 },
    },
    {
        name: "fast polling (250 ms, growing by half to 2 s)",
        polling: { initialIntervalMs: 250, maxIntervalMs: 2_000 },
    },
];
/** The authoring routes that start a job. */
const jobTrigger = /\/(:export|:import|:train|deployments\/[^/]+)$/;

async function main(): Promise<void> {
    const services = await startLocalServices({ ports: freePorts, jobTiming: { mode: "instant" } });
    const admin = new EmulatorAdminClient(services.emulator.url);
    const { primary, secondary } = localResources(services.endpoints);
    const seed = { ...primary, storageConnectionString: services.storage.primary.connectionString };
    await seedPrimary(seed, sampleProjects.slice(0, 1), () => {});
    await admin.setJobTiming({ mode: "afterMs", ms: jobMs });
    fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
    const workDir = fs.mkdtempSync(path.join(repoRoot, ".tmp", "bench-"));
    const rows: string[] = [];
    try {
        for (const [index, { name, polling }] of pollings.entries()) {
            const stackName = `bench-${process.pid}-${index}`;
            const stack = await openOfflineStack({
                stackName,
                projectName: "benchmark",
                workDir,
                program: async () => {
                    new ReplicatedLanguageProject("travel-clu", {
                        primary,
                        secondary,
                        projectName: "travel-clu",
                        polling,
                    });
                },
            });
            await admin.clearRequests();
            const started = performance.now();
            await stack.up();
            const wallMs = performance.now() - started;
            const jobs = (await admin.requests()).filter((r) => r.method !== "GET" && jobTrigger.test(r.path)).length;
            const jobSumMs = jobs * jobMs;
            rows.push(
                `${name}: wall ${(wallMs / 1000).toFixed(1)} s, ${jobs} jobs x ${jobMs / 1000} s = ${(jobSumMs / 1000).toFixed(1)} s, ` +
                    `overhead ${((wallMs - jobSumMs) / 1000).toFixed(1)} s, wall/jobs ${(wallMs / jobSumMs).toFixed(2)}`,
            );
            await stack.destroy();
            await stack.workspace.removeStack(stackName);
        }
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
        await services.stop();
    }
    console.log(`One full replication of "travel-clu" (export in check, then export, import, train, deploy):`);
    for (const row of rows) console.log(`  ${row}`);
}

main().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
});
