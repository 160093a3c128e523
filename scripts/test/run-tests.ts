import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../pulumi/offline-environment";

/** The suites that share one mocha process: no engine runs, nothing global between files. */
const sharedProcessSuites = [
    "bin/test/unit/**/*.test.js",
    "bin/test/contract/**/*.test.js",
    "bin/test/clients/**/*.test.js",
];
const integrationDir = path.join(repoRoot, "bin", "test", "integration");
/**
 * How long one mocha process may run. The longest file takes about 2 minutes; a process past this
 * is stuck (a CLI run waiting on a provider that never answers keeps mocha from exiting, whatever
 * the test's own timeout), and is killed with everything it started so the other files still run.
 */
const processLimitMs = 12 * 60_000;

interface Totals {
    passing: number;
    failing: number;
    pending: number;
}

/**
 * `npm test`: the unit, contract and client suites in one mocha process, then each integration
 * file in a mocha process of its own. Integration files drive the real CLI through Automation API
 * inline programs, whose runs share @pulumi/pulumi's module-level runtime state; in one process
 * for every file, a run late in the suite sometimes saw its inline program register nothing (and
 * planned to delete the stack's replicas), which no file run alone ever did. The mocha settings
 * (root hook, timeout, reporter) come from .mocharc.json; the totals are summed and printed last,
 * as mocha prints them, for CI's closing line.
 */
async function main(): Promise<void> {
    const integrationFiles = fs
        .readdirSync(integrationDir)
        .filter((name) => name.endsWith(".test.js"))
        .sort()
        .map((name) => path.relative(repoRoot, path.join(integrationDir, name)));
    const totals: Totals = { passing: 0, failing: 0, pending: 0 };
    let failed = false;
    for (const specs of [sharedProcessSuites, ...integrationFiles.map((file) => [file])]) {
        const run = await runMocha(specs);
        for (const key of ["passing", "failing", "pending"] as const) totals[key] += run.totals[key];
        failed ||= run.exitCode !== 0;
    }
    console.log(`\nall suites: ${totals.passing} passing`);
    if (totals.pending > 0) console.log(`all suites: ${totals.pending} pending`);
    if (totals.failing > 0) console.log(`all suites: ${totals.failing} failing`);
    process.exitCode = failed ? 1 : 0;
}

/** One mocha process over `specs`, its output passed through as it comes, its totals read from it. */
function runMocha(specs: readonly string[]): Promise<{ exitCode: number; totals: Totals }> {
    const mocha = path.join(repoRoot, "node_modules", ".bin", "mocha");
    // In a process group of its own, so the CLI and plugins it started can be killed with it.
    const child = spawn(mocha, [...specs], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"], detached: true });
    let stuck = false;
    const limit = setTimeout(() => {
        stuck = true;
        console.log(`\n${specs.join(" ")}: still running after ${processLimitMs / 60_000} minutes; killed`);
        process.kill(-child.pid!, "SIGKILL");
    }, processLimitMs);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
        process.stdout.write(chunk);
        output += chunk.toString();
    });
    // Mocha's summary lines ("  12 passing (3s)", "  1 pending"); the CLI output echoed above them
    // is indented further and may say "1 pending operations".
    const count = (word: string) =>
        Number([...output.matchAll(new RegExp(`^ {2}(\\d+) ${word}(?: \\(|$)`, "gm"))].at(-1)?.[1] ?? 0);
    return new Promise((resolve) =>
        child.once("exit", (code) => {
            clearTimeout(limit);
            // A killed process may have printed its summary already; its being stuck is one more failure.
            const failing = count("failing") + (stuck ? 1 : 0);
            resolve({
                exitCode: stuck ? 1 : (code ?? 1),
                totals: { passing: count("passing"), failing, pending: count("pending") },
            });
        }),
    );
}

void main();
