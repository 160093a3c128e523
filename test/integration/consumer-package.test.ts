import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { EmulatorAdminClient, wellKnownKeys } from "../../emulator";
import { freePorts, type LocalServices, startLocalServices } from "../../scripts/local-stack/local-services";
import { offlineEnvironment, repoRoot } from "../../scripts/pulumi/offline-environment";
import { PulumiCommandError, runPulumi } from "../../scripts/pulumi/pulumi-cli";
import { sampleProjects } from "../../stacks/local/samples";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { cliEcho } from "../support/cli-echo";
import { type ConsumerProject, createConsumerProject, readmeUsageExample } from "../support/consumer-project";
import { itLeavingPrimaryAlone } from "../support/primary-guard";

/**
 * A user's path, end to end: the package as `npm pack` ships it, installed into a Pulumi
 * TypeScript project of its own whose program is the README's usage example, driven by the
 * plain CLI commands a user types (the Node.js language host runs the program; ts-node compiles
 * it), against the emulator.
 */
describe("the package in a user's own Pulumi project, under the plain pulumi CLI", function () {
    this.timeout(5 * 60_000);
    const itReadOnly = itLeavingPrimaryAlone(() => admin);

    let scratch: string;
    let services: LocalServices;
    let admin: EmulatorAdminClient;
    let consumer: ConsumerProject;
    const echoToLog = cliEcho();
    let printed = "";
    const echo = (chunk: string) => {
        printed += chunk;
        echoToLog(chunk);
    };
    const readmeProjects = ["travel-clu", "travel-orchestrator"];

    const pulumi = (args: string[], input?: string) =>
        runPulumi({
            args: [...args, "--stack", "dev"],
            cwd: consumer.dir,
            env: offlineEnvironment("consumer-passphrase", path.join(scratch, "state")),
            print: echo,
            ...(input !== undefined && { input }),
        });

    before(async () => {
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        scratch = fs.mkdtempSync(path.join(repoRoot, ".tmp", "consumer-"));
        consumer = createConsumerProject(path.join(scratch, "project"), readmeUsageExample());
        console.log(
            `      package ${kib(consumer.sizes.tarball)}; the consumer's node_modules ${mib(consumer.sizes.nodeModules)}`,
        );
        services = await startLocalServices({
            ports: freePorts,
            jobTiming: { mode: "afterPolls", polls: 2 },
            rateLimits: { readsPerMinute: 6_000, writesPerMinute: 600 },
        });
        admin = new EmulatorAdminClient(services.emulator.url);
        const primary = {
            endpoint: `${services.emulator.url}/primary`,
            key: wellKnownKeys.primary[0],
            storageConnectionString: services.storage.primary.connectionString,
        };
        const samples = sampleProjects.filter((sample) => readmeProjects.includes(sample.file.metadata.projectName));
        await seedPrimary(primary, samples, () => undefined);
        await admin.clearRequests();
        await runPulumi({
            args: ["stack", "init", "dev"],
            cwd: consumer.dir,
            env: offlineEnvironment("consumer-passphrase", path.join(scratch, "state")),
            print: echo,
        });
        await pulumi(["config", "set", "primaryEndpoint", primary.endpoint]);
        await pulumi(["config", "set", "--secret", "primaryKey"], wellKnownKeys.primary[0]);
        await pulumi(["config", "set", "secondaryEndpoint", `${services.emulator.url}/secondary`]);
        await pulumi(["config", "set", "--secret", "secondaryKey"], wellKnownKeys.secondary[0]);
    });

    after(async () => {
        await services?.stop();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    itReadOnly("ships only the library, the failover client, the emulator, the README and the LICENSE", () => {
        const listed = JSON.parse(
            execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
                cwd: repoRoot,
                encoding: "utf8",
            }),
        ) as { files: { path: string }[] }[];
        const files = listed[0]!.files.map((file) => file.path);
        const allowed = /^(package\.json|README\.md|LICENSE|bin\/(provider|runtime|emulator)\/.+\.(js|d\.ts))$/;
        expect(files.filter((file) => !allowed.test(file))).to.deep.equal([]);
        expect(files).to.include.members([
            "bin/provider/index.js",
            "bin/provider/index.d.ts",
            "bin/runtime/index.js",
            "bin/runtime/index.d.ts",
            "bin/emulator/main.js",
        ]);
    });

    itReadOnly("exports the failover client as replicated-language-project/runtime", () => {
        const script =
            "process.stdout.write(typeof require('replicated-language-project/runtime').createFailoverClient)";
        const loaded = execFileSync(process.execPath, ["-e", script], { cwd: consumer.dir, encoding: "utf8" });
        expect(loaded).to.equal("function");
    });

    itReadOnly("`pulumi up` replicates the README's projects, and the outputs show their deployments", async () => {
        const printed = await pulumi(["up", "--yes"]);
        expect(printed).to.match(/\+ 3 created/);
        const outputs = JSON.parse(await pulumi(["stack", "output", "--json"])) as {
            replicas: Record<string, { deployment: string; syncedRevision: { contentHash: string } }>;
        };
        expect(outputs.replicas.clu!.deployment).to.equal("production");
        expect(outputs.replicas.orchestrator!.syncedRevision.contentHash).to.match(/^sha256-items:/);
        await pulumi(["preview", "--expect-no-changes"]);
    });

    itReadOnly("`pulumi preview --diff` shows a primary edit, and `--expect-no-changes` fails on it", async () => {
        await admin.editProject("primary", "travel-clu", {
            op: "addUtterance",
            utterance: { text: "fly me to Oslo", intent: "BookFlight" },
        });
        const printed = await pulumi(["preview", "--diff"]);
        expect(printed).to.match(/~ primaryRevision/);
        expect(printed).to.match(/utterances \+1 \(\\"fly me to Oslo\\" \(BookFlight\)\)/);
        expect(printed).to.match(/plan: import/);
        const gate = await pulumi(["preview", "--expect-no-changes"]).catch((error: unknown) => error);
        expect(gate).to.be.instanceOf(PulumiCommandError);
    });

    itReadOnly("`pulumi up` resyncs, then `pulumi refresh` and `pulumi destroy` leave nothing behind", async () => {
        expect(await pulumi(["up", "--yes"])).to.match(/~ 1 updated/);
        await pulumi(["preview", "--expect-no-changes"]);
        await pulumi(["refresh", "--yes"]);
        await pulumi(["destroy", "--yes"]);
        const left = await fetch(
            `${services.emulator.url}/secondary/language/authoring/analyze-conversations/projects?api-version=2023-04-01`,
            { headers: { "Ocp-Apim-Subscription-Key": wellKnownKeys.secondary[0] } },
        ).then((response) => response.json() as Promise<{ value: unknown[] }>);
        expect(left.value).to.deep.equal([]);
    });

    itReadOnly("never writes a key to the state or prints one", () => {
        const state = fs
            .readdirSync(path.join(scratch, "state"), { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
            .join("\n");
        for (const key of [...wellKnownKeys.primary, ...wellKnownKeys.secondary]) {
            expect(state).not.to.include(key);
            expect(printed).not.to.include(key);
        }
    });
});

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
