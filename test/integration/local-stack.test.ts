import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { expect } from "chai";
import { repoRoot } from "../../scripts/pulumi/offline-workspace";
import { runLocalStack, type LocalStackRun } from "../../scripts/local-stack/run-local-stack";
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

describe("the main command's flow (`npm start`): the local default stack", function () {
    this.timeout(10 * 60_000);

    let scratch: string;
    let run: (command: LocalStackRun["command"], extra?: Partial<LocalStackRun>) => ReturnType<typeof runLocalStack>;

    before(async () => {
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        scratch = fs.mkdtempSync(path.join(repoRoot, ".tmp", "local-stack-"));
        const ports = { emulator: await freePort(), azurite: await freePort() };
        const print = cliEcho();
        // Jobs finish on their second poll instead of after two seconds: the flow, not the wait, is under test.
        const jobTiming = { mode: "afterPolls", polls: 2 } as const;
        run = (command, extra = {}) =>
            runLocalStack({
                command,
                stackName: `local-${process.pid}`,
                workDir: scratch,
                dataDir: path.join(scratch, "data"),
                ports,
                print,
                jobTiming,
                ...extra,
            });
    });

    after(async () => {
        await run?.("destroy").catch(() => undefined);
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("seeds the primary and brings every replica up trained and deployed", async () => {
        const { changes, outputs } = await run("up");
        expect(changes).to.include({ create: sampleProjects.length + 1 });
        for (const sample of sampleProjects) {
            const replica = outputs[sample.file.metadata.projectName] as {
                kind: string;
                deployment: string;
                evaluation: { status: string };
            };
            expect(replica.kind).to.equal(sample.file.metadata.projectKind);
            expect(replica.deployment).to.match(/^production serves production-\d{8}T\d{6}-[0-9a-f]{32}$/);
            expect(replica.evaluation.status).to.equal("succeeded");
        }
    });

    it("changes nothing when run again", async () => {
        const { changes } = await run("up");
        expect(changes).to.deep.equal({ same: sampleProjects.length + 1 });
    });

    it("shows a primary edit as a pending resync, failing the daily out-of-sync gate", async () => {
        await run("edit-primary");
        const { changes } = await run("preview", { diff: true });
        expect(changes).to.include({ update: 1 });
        const gate = await run("preview", { expectNoChanges: true }).then(
            () => "passed",
            () => "failed",
        );
        expect(gate).to.equal("failed");
    });
});
