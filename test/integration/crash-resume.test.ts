import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { EmulatorAdminClient, wellKnownKeys } from "../../emulator";
import { freePorts, type LocalServices, startLocalServices } from "../../scripts/local-stack/local-services";
import { offlineEnvironment, pulumiToolsRoot, repoRoot } from "../../scripts/pulumi/offline-environment";
import { runPulumi } from "../../scripts/pulumi/pulumi-cli";
import { endOrphanedLanguageHosts } from "../../scripts/pulumi/orphaned-hosts";
import { cancelKilledRuns, findStackLocks } from "../../scripts/pulumi/stale-locks";
import { sampleProjects } from "../../stacks/local/samples";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { cliEcho } from "../support/cli-echo";
import { writesToPrimary } from "../support/primary-guard";

/** One replica of the sample CLU project, its endpoints from the environment. */
const program = `const { ReplicatedLanguageProject } = require("replicated-language-project");
const resources = {
    primary: { endpoint: process.env.CRASH_PRIMARY, key: process.env.CRASH_PRIMARY_KEY },
    secondary: { endpoint: process.env.CRASH_SECONDARY, key: process.env.CRASH_SECONDARY_KEY },
    rateLimits: { readsPerMinute: 6000, writesPerMinute: 600 },
    polling: { initialIntervalMs: 100, maxIntervalMs: 200 },
};
new ReplicatedLanguageProject("travel-clu", { ...resources, projectName: "travel-clu" });
`;

/**
 * Where a resync is killed, told by what the CLI has printed: the export of the primary in
 * `check` (before the plan), the update taking the export check kept (after its import step
 * began), and the import, training and deployment jobs.
 */
const killPoints: Readonly<Record<string, (printed: string) => boolean>> = {
    check: (printed) => /exporting project "travel-clu" from \S+\/primary/.test(printed),
    export: (printed) => /import: the primary's content changed[\s\S]*reusing the export check made/.test(printed),
    import: (printed) => /importing project "travel-clu" into/.test(printed),
    train: (printed) => /training project "travel-clu" on/.test(printed),
    deploy: (printed) => /deploying "production" of "travel-clu"/.test(printed),
};

/**
 * kill -9 of `pulumi up` at each point of a resync, then a plain `pulumi up` again: the run
 * converges with no manual step, and the secondary is trained exactly once for the new content.
 */
describe("a resync killed with kill -9 at any point, then run again", function () {
    this.timeout(4 * 60_000);

    let scratch: string;
    let services: LocalServices;
    let admin: EmulatorAdminClient;
    let env: Record<string, string>;
    const echo = cliEcho();

    const up = () =>
        runPulumi({ args: ["up", "--yes", "--skip-preview", "--stack", "dev"], cwd: scratch, env, print: echo });
    const trainings = async () =>
        (await admin.requests("secondary")).filter(
            (request) => request.method === "POST" && request.path.endsWith("/:train"),
        );
    const imports = async () =>
        (await admin.requests("secondary")).filter(
            (request) => request.method === "POST" && request.path.endsWith("/:import"),
        );

    before(async () => {
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        // Inside the repository, so the program finds this package by its own name.
        scratch = fs.mkdtempSync(path.join(repoRoot, ".tmp", "crash-"));
        fs.writeFileSync(
            path.join(scratch, "Pulumi.yaml"),
            "name: crash-resume\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
        );
        fs.writeFileSync(path.join(scratch, "index.js"), program);
        // Jobs long enough to be killed in, short enough for a quick suite.
        services = await startLocalServices({
            ports: freePorts,
            jobTiming: { mode: "afterMs", ms: 800 },
            rateLimits: { readsPerMinute: 6_000, writesPerMinute: 600 },
        });
        admin = new EmulatorAdminClient(services.emulator.url);
        const primary = `${services.emulator.url}/primary`;
        const clu = sampleProjects.filter((sample) => sample.file.metadata.projectName === "travel-clu");
        await seedPrimary(
            {
                endpoint: primary,
                key: wellKnownKeys.primary[0],
                storageConnectionString: services.storage.primary.connectionString,
            },
            clu,
            () => undefined,
        );
        env = {
            ...offlineEnvironment("crash-passphrase", path.join(scratch, "state")),
            CRASH_PRIMARY: primary,
            CRASH_PRIMARY_KEY: wellKnownKeys.primary[0],
            CRASH_SECONDARY: `${services.emulator.url}/secondary`,
            CRASH_SECONDARY_KEY: wellKnownKeys.secondary[0],
        };
        await runPulumi({ args: ["stack", "init", "dev"], cwd: scratch, env, print: echo });
        await up();
    });

    after(async () => {
        await services?.stop();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    for (const [point, reached] of Object.entries(killPoints)) {
        it(`killed during ${point}: the next up converges, training once`, async () => {
            await admin.editProject("primary", "travel-clu", {
                op: "addUtterance",
                utterance: { text: `book a flight killed during ${point}`, intent: "BookFlight" },
            });
            await admin.clearRequests();
            const killed = await killUpWhen(reached);
            const stateDir = path.join(scratch, "state");
            const locks = findStackLocks(stateDir, "crash-resume", "dev").stale.length;
            // What the local runner does before every command: no manual `pulumi cancel`.
            const pulumi = (args: readonly string[]) => runPulumi({ args, cwd: scratch, env, print: echo });
            await cancelKilledRuns({
                stateDir,
                project: "crash-resume",
                stack: "dev",
                pulumi,
                log: (line) => echo(`${line}\n`),
            });
            await up();
            await runPulumi({
                args: ["preview", "--expect-no-changes", "--stack", "dev"],
                cwd: scratch,
                env,
                print: echo,
            });
            expect(await trainings(), "trainings of the new content").to.have.length(1);
            expect(await imports(), "imports of the new content").to.have.length(1);
            expect(await writesToPrimary(admin), "writing requests that reached the primary").to.deep.equal([]);
            // Checked last, so a failure here never leaves the next test a locked stack.
            expect(locks, "the killed run's lock").to.equal(1);
            expect(killed.leftInGroup, "processes of the killed run").not.to.include("dynamic-provider");
            expect(killed.orphanedHosts, "language hosts the killed run left").to.be.at.most(1);
            expect(endOrphanedLanguageHosts(), "language hosts left after the resumed run").to.deep.equal([]);
        });
    }

    /**
     * Starts `pulumi up` in a process group of its own, kills the CLI with SIGKILL once its
     * output shows the point, and checks that the provider process it started ends by itself.
     */
    async function killUpWhen(reached: (printed: string) => boolean): Promise<KilledRun> {
        const cli = spawn(path.join(pulumiToolsRoot, "bin", "pulumi"), ["up", "--yes", "--stack", "dev"], {
            cwd: scratch,
            env: { ...process.env, ...env },
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let printed = "";
        await new Promise<void>((resolve, reject) => {
            const take = (chunk: Buffer) => {
                printed += chunk.toString();
                echo(chunk.toString());
                if (reached(printed)) {
                    cli.kill("SIGKILL");
                    resolve();
                }
            };
            cli.stdout!.on("data", take);
            cli.stderr!.on("data", take);
            cli.once("exit", () => reject(new Error(`pulumi up ended before the kill point:\n${printed}`)));
        });
        await exited(cli);
        return { leftInGroup: await providerLeft(cli.pid!), orphanedHosts: endOrphanedLanguageHosts().length };
    }
});

function exited(child: ChildProcess): Promise<void> {
    return child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** What a killed `pulumi up` left: its process group's members, and the language hosts it orphaned. */
interface KilledRun {
    leftInGroup: string;
    orphanedHosts: number;
}

/**
 * What is left of the killed CLI's process group once its dynamic-provider process had time to
 * notice (it ends by itself when the engine is gone; it would otherwise poll jobs for minutes).
 */
async function providerLeft(group: number): Promise<string> {
    const members = () => {
        try {
            return execFileSync("ps", ["-o", "args=", "-g", String(group)], { encoding: "utf8" });
        } catch {
            return ""; // no process left in the group
        }
    };
    for (let attempt = 0; attempt < 50 && members().includes("dynamic-provider"); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return members();
}
