import { expect } from "chai";
import type { EngineConnection } from "../../../provider/lifecycle/engine-connection";
import { resourceLog } from "../../../provider/lifecycle/resource-log";

const urn = "urn:pulumi:dev::app::replicated:Project::faq";

/** An engine that records each line and takes it only when the test says: lines must wait for the one before. */
function slowEngine() {
    const received: { severity: string; line: string; urn: string; ephemeral: boolean }[] = [];
    const pending: (() => void)[] = [];
    const engine: EngineConnection = {
        send: (severity, line, to, ephemeral) =>
            new Promise((resolve) => {
                received.push({ severity, line, urn: to, ephemeral });
                pending.push(resolve);
            }),
    };
    /** Lets the engine take the line it was sent, then lets the log send its next one. */
    const accept = async () => {
        pending.shift()!();
        await new Promise((resolve) => setImmediate(resolve));
    };
    return { engine, received, accept };
}

describe("resource log", () => {
    const consoleLog = console.log;
    let printed: string[];
    beforeEach(() => {
        printed = [];
        console.log = (line: string) => printed.push(line);
    });
    afterEach(() => {
        console.log = consoleLog;
    });

    it("sends lines to the engine under the resource's URN, one after another, and is flushed when all arrived", async () => {
        const { engine, received, accept } = slowEngine();
        const log = resourceLog(urn, "faq -> faq", () => engine);
        let flushed = false;

        log.info("plan: import");
        log.progress("import: 50%");
        log.warn("expiry: renew soon");
        void log.flushed().then(() => (flushed = true));
        await new Promise((resolve) => setImmediate(resolve));

        expect(
            received.map((line) => line.line),
            "the second line waits for the first",
        ).to.deep.equal(["plan: import"]);
        await accept();
        await accept();
        expect(flushed).to.equal(false);
        await accept();
        expect(flushed).to.equal(true);
        expect(received).to.deep.equal([
            { severity: "info", line: "plan: import", urn, ephemeral: false },
            { severity: "info", line: "import: 50%", urn, ephemeral: true },
            { severity: "warning", line: "expiry: renew soon", urn, ephemeral: false },
        ]);
        expect(printed).to.deep.equal([]);
    });

    for (const [what, noUrn] of [
        ["no URN", undefined],
        ["an empty URN", ""],
    ] as const) {
        it(`prints labelled lines to stdout for a resource with ${what}, without asking for the engine`, async () => {
            const log = resourceLog(noUrn, "faq -> faq", () => expect.fail("the engine was asked for"));
            log.info("one");
            log.progress("two");
            log.warn("three");
            await log.flushed();
            expect(printed).to.deep.equal(["[faq -> faq] one", "[faq -> faq] two", "[faq -> faq] three"]);
        });
    }

    it("prints labelled lines when this process has no engine (outside the dynamic-provider host)", async () => {
        const log = resourceLog(urn, "faq -> faq");
        log.info("one");
        await log.flushed();
        expect(printed).to.deep.equal(["[faq -> faq] one"]);
    });
});
