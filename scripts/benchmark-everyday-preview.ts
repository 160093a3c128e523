import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { compileCacheEnvironment, localPassphrase, offlineEnvironment, repoRoot } from "./pulumi/offline-environment";
import { runPulumi } from "./pulumi/pulumi-cli";

/**
 * `npm run bench:preview`: the everyday command against the command it wraps, side by side.
 *   A  `npm run local -- preview` of the in-sync local stack, as a user types it: npm, the
 *      incremental build, the install check, starting the emulator and Azurite, seeding checks,
 *      the preview, stopping the services;
 *   B  `pulumi preview --stack local` alone, with the services already running.
 * Rounds alternate A and B so both see the same machine load; medians are printed.
 */
const rounds = Number(process.argv[2] ?? "5");

async function main(): Promise<void> {
    console.log("bringing the local stack in sync (npm run local -- up)...");
    await timed("npm", ["run", "local", "--silent", "--", "up"]);
    const wrapped: number[] = [];
    const alone: number[] = [];
    for (let round = 1; round <= rounds; round++) {
        wrapped.push(await timed("npm", ["run", "local", "--silent", "--", "preview"]));
        alone.push(await previewAlone());
        console.log(
            `round ${round}: npm run local -- preview ${s(wrapped.at(-1)!)}, pulumi preview ${s(alone.at(-1)!)}`,
        );
    }
    const [a, b] = [median(wrapped), median(alone)];
    console.log(`median of ${rounds}: npm run local -- preview ${s(a)}; pulumi preview alone ${s(b)}`);
    console.log(`ratio ${(a / b).toFixed(2)} (target <= 1.30)`);
}

/** `pulumi preview` with the services started beforehand by `npm run local -- serve`. */
async function previewAlone(): Promise<number> {
    const serve = spawn("node", [path.join(repoRoot, "bin/scripts/local-stack/main.js"), "serve"], {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "inherit"],
    });
    try {
        await printed(serve, "Ctrl-C stops them");
        const started = performance.now();
        await runPulumi({
            args: ["preview", "--stack", "local"],
            cwd: repoRoot,
            // The same command as the runner's: the same environment, compile cache included.
            env: { ...offlineEnvironment(localPassphrase), ...compileCacheEnvironment },
            print: () => undefined,
        });
        return performance.now() - started;
    } finally {
        serve.kill("SIGTERM");
        await new Promise((resolve) => serve.once("exit", resolve));
    }
}

function timed(command: string, args: string[]): Promise<number> {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
    return new Promise((resolve, reject) =>
        child.once("exit", (code) =>
            code === 0
                ? resolve(performance.now() - started)
                : reject(new Error(`${command} ${args.join(" ")}: exit ${code}`)),
        ),
    );
}

function printed(child: ChildProcess, text: string): Promise<void> {
    return new Promise((resolve, reject) => {
        let output = "";
        child.stdout!.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes(text)) resolve();
        });
        child.once("exit", (code) => reject(new Error(`the local services exited (${code}) before starting`)));
    });
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((x, y) => x - y);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

main().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
});
