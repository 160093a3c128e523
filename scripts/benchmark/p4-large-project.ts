import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AuthoringClient } from "../../provider/client/authoring-client";
import { systemClock } from "../../provider/client/clock";
import { LanguageTransport } from "../../provider/client/transport";
import { exportProject } from "../../provider/operations/export-project";
import { describeChanges, diffContent, shownItems } from "../../provider/plan/content-changes";
import { readExportedFile } from "../../provider/project-file/exported-file";
import { readItemNames } from "../../provider/project-file/read-item-names";
import { scanProjectFile } from "../../provider/project-file/scan-project-file";
import { BenchBed } from "./bench-bed";
import { count, jobTriggers } from "./measure";
import { countFigure, type Figure, ratioFigure } from "./figures";
import { fleetProgram } from "./fleet-program";
import { largeCluProject } from "./large-clu-project";
import { watchProviderMemory } from "./provider-memory";
import { seedProjects } from "./seed-projects";

const projectName = "large-clu";
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * P4: one replica of a CLU project of `utterances` utterances (50,000, the service's maximum:
 * an export of ~18 MB), created, then resynced after an edit of the primary with the provider's
 * default settings. Memory is the provider process's own peak (VmHWM): during the content-edit
 * `up` (check exports both sides, fingerprints them and says what changed; the update imports
 * the kept file), above its peak in an in-sync preview of the same stack (the process loaded,
 * one GET made: its idle baseline). The CPU of fingerprinting both exports and telling the
 * change is measured in this process, on the same two files the check reads.
 */
export async function measureLargeProject(utterances: number, log: (line: string) => void): Promise<Figure[]> {
    const bed = await BenchBed.start();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-large-"));
    try {
        const primary = { ...bed.resources.primary, storageConnectionString: bed.storageConnectionString };
        await seedProjects(primary, [largeCluProject(projectName, utterances)]);
        await bed.admin.setJobTiming({ mode: "afterMs", ms: 1_000 });
        const stack = await bed.openStack("p4-large", fleetProgram([{ name: projectName }], bed.resources));
        await stack.up();
        log(`P4: replica of a ${utterances}-utterance project created`);

        const idle = watchProviderMemory();
        await stack.preview();
        const baselineKb = await idle.stop();

        await bed.admin.editProject("primary", projectName, {
            op: "addUtterance",
            utterance: { text: "book a ferry to Oslo on sunday", intent: "Intent7" },
        });
        const { cpuMs, exportBytes } = await fingerprintCpu(bed, scratch, log);
        await bed.admin.clearRequests();
        const busy = watchProviderMemory();
        await stack.up();
        const peakKb = await busy.stop();
        const exports = count(await bed.requests("primary"), { method: "POST", path: jobTriggers.export });
        if (baselineKb === undefined || peakKb === undefined)
            throw new Error("P4: the provider's memory cannot be read here (/proc)");
        const aboveKb = peakKb - baselineKb;
        log(
            `P4: provider peak ${megabytes(peakKb * 1024)}, idle ${megabytes(baselineKb * 1024)}; export ${megabytes(exportBytes)}`,
        );
        return [
            ratioFigure(
                "P4",
                `${utterances}-utterance project: provider peak RSS above idle / export size`,
                (aboveKb * 1024) / exportBytes,
                3,
                `(${megabytes(peakKb * 1024)} - ${megabytes(baselineKb * 1024)}) / ${megabytes(exportBytes)}`,
            ),
            ratioFigure(
                "P4",
                `${utterances}-utterance project: CPU s of fingerprint and change summary`,
                cpuMs / 1000,
                1.5,
                "both exports fingerprinted and compared, their reading and parsing left out",
            ),
            countFigure(
                "P4",
                `${utterances}-utterance project: exports of the primary by a content-edit up`,
                exports,
                1,
            ),
        ];
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
        await bed.stop();
    }
}

/**
 * What check does with the two exports of a resync, in CPU time as the issue measured it: the
 * fingerprints (content hash, item counts, item digests) and the change summary, without
 * reading and parsing the files. Both are streamed as the provider streams them, so it is taken
 * as the difference: reading, fingerprinting and comparing, less reading and parsing alone.
 */
async function fingerprintCpu(
    bed: BenchBed,
    scratch: string,
    log: (line: string) => void,
): Promise<{ cpuMs: number; exportBytes: number }> {
    const [now, replica] = await Promise.all(
        (["primary", "secondary"] as const).map((side) => exportOf(bed, side, scratch)),
    );
    const parsing = process.cpuUsage();
    for (const file of [now!, replica!]) await scanProjectFile(file, {});
    const parseMs = cpuMsSince(parsing);
    const fingerprinting = process.cpuUsage();
    const [after, before] = [await readExportedFile(now!), await readExportedFile(replica!)];
    const changes = diffContent(before.fingerprint.index, after.fingerprint.index);
    const nameOf = await readItemNames(shownItems(changes), {
        before: { path: before.path, index: before.fingerprint.index },
        after: { path: after.path, index: after.fingerprint.index },
    });
    describeChanges(changes, nameOf);
    const totalMs = cpuMsSince(fingerprinting);
    const cpuMs = Math.max(0, totalMs - parseMs);
    log(
        `P4: reading, fingerprinting and comparing both exports ${(totalMs / 1000).toFixed(2)} s CPU, ` +
            `of which reading and parsing ${(parseMs / 1000).toFixed(2)} s`,
    );
    return { cpuMs, exportBytes: fs.statSync(now!).size };
}

/** Exports the large project from one side into a file, as the provider does. */
async function exportOf(bed: BenchBed, side: "primary" | "secondary", scratch: string): Promise<string> {
    const { endpoint, key } = bed.resources[side];
    const transport = new LanguageTransport({ endpoint, credentials: { kind: "key", key }, rateLimits: false });
    const client = new AuthoringClient(transport, "analyze-conversations", "2023-04-01");
    const file = path.join(scratch, `${side}.json`);
    const context = { clock: systemClock, deadline: Date.now() + 600_000, log: () => {}, progress: () => {} };
    await exportProject(client, projectName, file, context);
    return file;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
}
