import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../pulumi/offline-environment";

/** The mutation score per provider folder from StrykerJS's JSON report (target: 80% each). */
const target = 80;

/** Mutants that count: killed ones (by a failing test or a timeout) against all that were testable. */
const detected = new Set(["Killed", "Timeout"]);
const undetected = new Set(["Survived", "NoCoverage"]);

interface Report {
    files: Record<string, { mutants: { status: string }[] }>;
}

function main(): void {
    const report = JSON.parse(
        fs.readFileSync(path.join(repoRoot, ".tmp", "mutation", "mutation.json"), "utf8"),
    ) as Report;
    const folders = new Map<string, { killed: number; counted: number }>();
    for (const [file, { mutants }] of Object.entries(report.files)) {
        const folder = path.dirname(path.relative(repoRoot, path.resolve(repoRoot, file)));
        const counts = folders.get(folder) ?? { killed: 0, counted: 0 };
        for (const { status } of mutants) {
            if (detected.has(status)) counts.killed++;
            if (detected.has(status) || undetected.has(status)) counts.counted++;
        }
        folders.set(folder, counts);
    }
    console.log(`mutation score by folder (killed or timed out / testable mutants; target ${target}% each):`);
    for (const [folder, { killed, counted }] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
        const score = counted === 0 ? 100 : (100 * killed) / counted;
        const mark = score >= target ? "" : `  below ${target}%`;
        console.log(`  ${folder.padEnd(22)} ${score.toFixed(1).padStart(5)}%  (${killed}/${counted})${mark}`);
    }
}

main();
