import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { expect } from "chai";
import { localPassphrase, offlineEnvironment, repoRoot } from "../../scripts/pulumi/offline-environment";
import { PulumiCommandError, runPulumi } from "../../scripts/pulumi/pulumi-cli";
import { localStackName, runLocalStack, type LocalStackRun } from "../../scripts/local-stack/run-local-stack";
import { sampleProjects } from "../../stacks/local/samples";
import { cliEcho } from "../support/cli-echo";

/** A port nothing listens on now; the flow needs the same ports on every run, like `npm start`. */
async function freePort(): Promise<number> {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

describe("the main command's flow (`npm start`): the local default stack through the plain pulumi CLI", function () {
    this.timeout(4 * 60_000);

    let scratch: string;
    let run: (command: LocalStackRun["command"], flags?: string[]) => Promise<string>;
    const stackResources = sampleProjects.length + 1;

    before(async () => {
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        scratch = fs.mkdtempSync(path.join(repoRoot, ".tmp", "local-stack-"));
        const ports = {
            emulator: await freePort(),
            primaryStorage: await freePort(),
            secondaryStorage: await freePort(),
        };
        const print = cliEcho();
        // Jobs finish on their second poll instead of after two seconds: the flow, not the wait, is under test.
        const jobTiming = { mode: "afterPolls", polls: 2 } as const;
        run = (command, flags = []) =>
            runLocalStack({
                command,
                flags,
                stateDir: path.join(scratch, "state"),
                dataDir: path.join(scratch, "data"),
                ports,
                print,
                jobTiming,
            });
    });

    after(async () => {
        await run?.("destroy").catch(() => undefined);
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("seeds the primary and brings every replica up trained and deployed", async () => {
        const printed = await run("up");
        expect(printed).to.match(new RegExp(`\\+ ${stackResources} created`));
        const outputs = JSON.parse(
            await runPulumi({
                args: ["stack", "output", "--json", "--stack", localStackName],
                cwd: repoRoot,
                env: offlineEnvironment(localPassphrase, path.join(scratch, "state")),
                print: () => undefined,
            }),
        ) as Record<string, { kind: string; deployment: string; evaluation: { status: string }; documents?: string }>;
        // Each region has its own storage: the text projects' documents are copied to the secondary's.
        expect(printed).to.match(/copied movies\/plot-01.txt, .* to northeuropedocs\/documents/);
        for (const sample of sampleProjects) {
            const replica = outputs[sample.file.metadata.projectName]!;
            const count = Object.keys(sample.documents ?? {}).length;
            expect(replica.documents, "documents held").to.equal(
                count === 0 ? undefined : `${count} of ${count} in northeuropedocs/documents`,
            );
            expect(replica.kind).to.equal(sample.file.metadata.projectKind);
            expect(replica.deployment).to.match(/^production serves production-[0-9a-f]{8}-\d{8}T\d{6}-[0-9a-f]{32}$/);
            expect(replica.evaluation.status).to.equal("succeeded");
        }
    });

    it("changes nothing when run again", async () => {
        expect(await run("up")).to.match(new RegExp(`${stackResources} unchanged`));
    });

    it("shows a primary edit as a pending resync, failing the daily out-of-sync gate with the CLI's error", async () => {
        await run("edit-primary");
        const printed = await run("preview", ["--diff"]);
        expect(printed).to.match(/~ 1 to update/);
        expect(printed).to.match(/~ lastModifiedDateTime/);
        const gate = await run("preview", ["--expect-no-changes"]).catch((error: unknown) => error);
        expect(gate).to.be.instanceOf(PulumiCommandError);
        expect((gate as PulumiCommandError).message).to.match(/error: .*no changes were expected/);
    });

    it("shows a document changed in the primary's storage as a pending resync", async () => {
        await run("edit-document");
        const printed = await run("preview", ["--diff"]);
        expect(printed).to.match(/"documents ~1 \(movies\/plot-04.txt\)"/);
        expect(printed).to.include("plan: copy (1 document changed on the primary (movies/plot-04.txt))");
    });
});
