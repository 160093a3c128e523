import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { runDrill } from "../../scripts/local-stack/drill/run-drill";
import { freePorts } from "../../scripts/local-stack/local-services";
import { runLocalStack } from "../../scripts/local-stack/run-local-stack";
import { repoRoot } from "../../scripts/pulumi/offline-environment";
import { cliEcho } from "../support/cli-echo";

describe("the failover drill (`npm run local -- drill`) against the local stack's replicas", function () {
    this.timeout(4 * 60_000);

    let scratch: string;
    // The drill asks for no Pulumi command, so the ports need not stay the same from `up` to the drill.
    const ports = freePorts;
    const dataDir = () => path.join(scratch, "data");

    before(() => {
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        scratch = fs.mkdtempSync(path.join(repoRoot, ".tmp", "drill-"));
    });

    after(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("says the local stack is not up before `npm start` made the replicas", async () => {
        const error = await runDrill({ flags: [], dataDir: dataDir(), ports, print: () => undefined }).then(
            () => expect.fail("the drill ran"),
            (rejected: Error) => rejected,
        );
        expect(error.message).to.include("the local stack is not up").and.include("Run `npm start` first");
    });

    it("fails over and back with no failure a caller sees, one line per request", async () => {
        await runLocalStack({
            command: "up",
            stateDir: path.join(scratch, "state"),
            dataDir: dataDir(),
            ports,
            print: cliEcho(),
            jobTiming: { mode: "afterPolls", polls: 2 },
        });
        const lines: string[] = [];
        const echo = cliEcho();
        await runDrill({
            flags: ["--outage", "dropConnection"],
            dataDir: dataDir(),
            ports,
            print: (line) => {
                lines.push(line);
                echo(`${line}\n`);
            },
        });
        const requests = lines.filter((line) => /^#[ \d]\d {2}/.test(line));
        expect(requests).to.have.length(60);
        expect(requests.slice(0, 15).every((line) => line.includes(" primary "))).to.equal(true);
        expect(requests[15]).to.match(/secondary .*\(primary failed: ECONNRESET\)$/);
        const printed = lines.join("\n");
        expect(printed).to.include("requests: 60, failed (seen by the caller): 0");
        expect(printed).to.include("failed over at request 18 ");
        expect(Number(/failed back at request (\d+)/.exec(printed)?.[1])).to.be.within(41, 60);
        expect(requests.at(-1)).to.include(" primary ");
    });
});
