import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../pulumi/offline-environment";

/** Line coverage of unit plus contract tests, per folder of the library (target: 90% each). */
const target = 90;

interface Counts {
    covered: number;
    total: number;
}

function main(): void {
    const summary = JSON.parse(
        fs.readFileSync(path.join(repoRoot, ".tmp", "coverage", "coverage-summary.json"), "utf8"),
    ) as Record<string, { lines: Counts }>;
    const folders = new Map<string, Counts>();
    for (const [file, { lines }] of Object.entries(summary)) {
        if (file === "total") continue;
        const folder = path.dirname(path.relative(repoRoot, file));
        const counts = folders.get(folder) ?? { covered: 0, total: 0 };
        counts.covered += lines.covered;
        counts.total += lines.total;
        folders.set(folder, counts);
    }
    console.log(`line coverage by folder (unit + contract tests; target ${target}% each):`);
    for (const [folder, { covered, total }] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
        const percent = total === 0 ? 100 : (100 * covered) / total;
        const mark = percent >= target ? "" : `  below ${target}%`;
        console.log(`  ${folder.padEnd(24)} ${percent.toFixed(1).padStart(5)}%  (${covered}/${total} lines)${mark}`);
    }
}

main();
