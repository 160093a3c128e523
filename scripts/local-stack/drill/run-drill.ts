import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { EmulatorAdminClient } from "../../../emulator";
import { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageTransport } from "../../../provider/client/transport";
import { familyOfKind, type ProjectKind } from "../../../provider/contract";
import { createFailoverClient, type FailoverClient } from "../../../runtime";
import type { LocalResources } from "../../../stacks/local/program";
import { sampleDeploymentName, sampleProjects } from "../../../stacks/local/samples";
import { type LocalPorts, localResources } from "../../../stacks/local/settings";
import { repoRoot } from "../../pulumi/offline-environment";
import { startLocalServices } from "../local-services";
import { drillAsk } from "./drill-inputs";
import { drillPlan, type OutageMode, parseDrillFlags } from "./drill-plan";
import { type DrillRecord, type DrillSummary, formatRecord, formatSummary } from "./drill-report";

/** Like a LocalStackRun: where the local stack's services keep their state and listen. */
export interface DrillRun {
    flags: readonly string[];
    /** `.local/` by default, where `npm start` left the replicas. */
    dataDir?: string;
    /** The local stack's fixed ports by default. */
    ports?: LocalPorts;
    print?: (line: string) => void;
}

/**
 * `npm run local -- drill [--project p] [--outage mode]`: streams predictions through the failover
 * client to one of the local stack's replicated projects, takes the primary's region down in the
 * emulator part-way and brings it back, printing a line per request and a summary. It needs the
 * replicas `npm start` made. Whatever happens (an error, Ctrl-C), the outage is ended and the
 * services are stopped before it returns.
 */
export async function runDrill(run: DrillRun): Promise<void> {
    const print = run.print ?? ((line: string) => console.log(line));
    const samples = new Map(sampleProjects.map((sample) => [sample.file.metadata.projectName, sample]));
    const { project, outage } = parseDrillFlags(run.flags, [...samples.keys()]);
    const projectKind = samples.get(project)!.file.metadata.projectKind;
    const services = await startLocalServices({
        dataDir: run.dataDir ?? path.join(repoRoot, ".local"),
        ports: run.ports,
        // Only the drill's own text analysis jobs run here; instant jobs keep its pace.
        jobTiming: { mode: "instant" },
    }).catch((error: Error) => {
        throw error.message.includes("EADDRINUSE")
            ? new Error("the local stack's ports are in use: stop `npm run local -- serve` (or another run) first")
            : error;
    });
    const admin = new EmulatorAdminClient(services.emulator.url);
    const interrupted = new AbortController();
    const interrupt = () => interrupted.abort(new Error("the drill was interrupted"));
    process.once("SIGINT", interrupt);
    process.once("SIGTERM", interrupt);
    try {
        const resources = localResources(services.endpoints);
        await requireReplica(resources, project, projectKind);
        const client = createFailoverClient({
            primary: resources.primary,
            secondary: resources.secondary,
            projectName: project,
            deploymentName: sampleDeploymentName,
            breaker: drillPlan.breaker,
            requestTimeoutMs: drillPlan.requestTimeoutMs,
            textJobTimeoutMs: drillPlan.textJobTimeoutMs,
            textPollIntervalMs: drillPlan.textPollIntervalMs,
        });
        const region = services.emulator.resources.find((resource) => resource.name === "primary")?.region;
        print(
            `drill: ${drillPlan.requests} ${projectKind} predictions of "${project}", one every ${drillPlan.paceMs} ms; ` +
                `the primary (${region}) goes down (${outage}) before request ${drillPlan.outageFrom} and comes back after request ${drillPlan.outageThrough}`,
        );
        const summary = await stream(client, admin, drillAsk(projectKind), outage, interrupted.signal, print);
        print("");
        print(formatSummary(summary, drillPlan.breaker));
        if (interrupted.signal.aborted) throw interrupted.signal.reason;
    } finally {
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        // Never leave the region down, whatever ended the drill.
        await admin.endOutage("primary").catch(() => undefined);
        await services.stop();
    }
}

/** The replica must be deployed on both resources; otherwise `npm start` has not run (or not finished). */
async function requireReplica(resources: LocalResources, project: string, projectKind: ProjectKind): Promise<void> {
    for (const [region, connection] of Object.entries({ primary: resources.primary, secondary: resources.secondary })) {
        const transport = new LanguageTransport({
            endpoint: connection.endpoint,
            credentials: { kind: "key", key: connection.key },
            rateLimits: false,
        });
        const client = new AuthoringClient(transport, familyOfKind(projectKind), "2023-04-01");
        if ((await client.findProject(project)) && (await client.findDeployment(project, sampleDeploymentName))) {
            continue;
        }
        throw new Error(
            `the local stack is not up: the ${region} has no deployment "${sampleDeploymentName}" of "${project}". ` +
                "Run `npm start` first (it seeds the primary and replicates every sample project), then the drill.",
        );
    }
}

async function stream(
    client: FailoverClient,
    admin: EmulatorAdminClient,
    ask: ReturnType<typeof drillAsk>,
    outage: OutageMode,
    signal: AbortSignal,
    print: (line: string) => void,
): Promise<DrillSummary> {
    let current = 0;
    let recoveredAt: number | undefined;
    const summary: DrillSummary = { requests: 0, failed: 0, answered: { primary: 0, secondary: 0 } };
    client.events.on("failover", (event) => {
        summary.failedOverAt = current;
        print(
            `   >> failover: the breaker opened after ${event.consecutiveFailures} consecutive failures of the primary`,
        );
    });
    client.events.on("failback", (event) => {
        summary.failedBackAt = current;
        summary.failBackMs = event.at.getTime() - (recoveredAt ?? event.at.getTime());
        print(
            `   << failback: a probe of the primary was answered (failed over for ${(event.failedOverForMs / 1000).toFixed(1)} s)`,
        );
    });
    const started = performance.now();
    for (current = 1; current <= drillPlan.requests && !signal.aborted; current++) {
        if (current === drillPlan.outageFrom) {
            await admin.startOutage("primary", { mode: outage });
            print(`   -- the primary's region is down (${outage})`);
        }
        const request = current;
        const record = await ask(client, request, signal).then(
            (answer): DrillRecord => ({ request, ...answer }),
            (error: Error): DrillRecord => ({ request, error: error.message }),
        );
        if (signal.aborted) break;
        summary.requests++;
        if ("error" in record) summary.failed++;
        else summary.answered[record.region]++;
        print(formatRecord(record));
        if (current === drillPlan.outageThrough) {
            await admin.endOutage("primary");
            recoveredAt = Date.now();
            print("   -- the primary's region is back");
        }
        const nextStart = started + current * drillPlan.paceMs;
        await sleep(Math.max(0, nextStart - performance.now()), undefined, { signal }).catch(() => undefined);
    }
    return summary;
}
