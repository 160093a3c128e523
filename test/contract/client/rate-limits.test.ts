import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import { ManualClock } from "../../../emulator/jobs/clock";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { clientFor, SteppingClock } from "./support/client-bed";

const limits = { writesPerMinute: 3, readsPerMinute: 100 };
const startMs = Date.parse("2025-06-01T12:00:00Z");

/** PATCHes that create `count` CLU projects, one after another as a replication would. */
async function createProjects(client: AuthoringClient, prefix: string, count: number): Promise<void> {
    for (let index = 1; index <= count; index++) {
        const projectName = `${prefix}${index}`;
        const created = await client.updateProject(projectName, {
            projectKind: "Conversation",
            projectName,
            language: "en",
        });
        expect(created.projectName).to.equal(projectName);
    }
}

describe("client contract: rate limits against an emulator that throttles", function () {
    let bed: TestBed;
    let emulatorClock: ManualClock;
    // One clock for every limited client of the primary: the limiter is shared per resource and
    // process, and keeps the clock of the first transport that created it.
    let limitedClock: SteppingClock;
    let limited: AuthoringClient;

    before(async () => {
        // Both sides count in the emulator's time: the client's sleeps advance it, nothing really waits.
        emulatorClock = new ManualClock(startMs);
        bed = await startTestBed({ clock: emulatorClock, rateLimits: limits, jobTiming: { mode: "instant" } });
        limitedClock = new SteppingClock(emulatorClock);
        limited = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", {
            clock: limitedClock,
            rateLimits: limits,
        });
    });

    after(async () => {
        await bed.stop();
    });

    it("keeps a burst of writes under the limit with the client-side limiter: no 429 at all", async () => {
        await createProjects(limited, "Limited", 7);

        const log = await bed.admin.requests("primary");
        // A PATCH that creates a conversations project answers 200, as the service does.
        expect(log.map((entry) => entry.status)).to.deep.equal([200, 200, 200, 200, 200, 200, 200]);
        // Three per window: the limiter counts 61 s, a little more than the service's minute.
        expect(limitedClock.sleeps).to.deep.equal([61_000, 61_000]);
        const offsets = log.map((entry) => Date.parse(entry.time) - startMs);
        expect(offsets).to.deep.equal([0, 0, 0, 61_000, 61_000, 61_000, 122_000]);
    });

    it("without the client-side limiter, retries the emulator's 429 after its Retry-After and succeeds", async () => {
        const clock = new SteppingClock(emulatorClock);
        const client = clientFor(bed, "secondary", "analyze-conversations", "2023-04-01", { clock, rateLimits: false });
        await createProjects(client, "Throttled", 5);

        const log = await bed.admin.requests("secondary");
        expect(log.map((entry) => entry.status)).to.deep.equal([200, 200, 200, 429, 200, 200]);
        // The emulator's Retry-After, plus the spread of throttled retries (an eighth with the steady random).
        expect(clock.sleeps).to.deep.equal([67_500]);
        expect((await client.listProjects()).map((p) => p.projectName).sort()).to.deep.equal([
            "Throttled1",
            "Throttled2",
            "Throttled3",
            "Throttled4",
            "Throttled5",
        ]);
    });

    it("lets reads through while the write window is full, and holds the next write", async () => {
        // A minute later both windows are empty again, whatever the tests before did.
        emulatorClock.advance(61_000);
        await bed.admin.clearRequests();
        limitedClock.sleeps.length = 0;
        await createProjects(limited, "More", 3);
        for (let read = 0; read < 10; read++) {
            expect((await limited.getProject("Limited1")).projectName).to.equal("Limited1");
        }
        expect(limitedClock.sleeps).to.be.empty;
        await createProjects(limited, "Last", 1);
        expect(limitedClock.sleeps).to.deep.equal([61_000]);
        const log = await bed.admin.requests("primary");
        expect(log.filter((entry) => entry.status === 429)).to.be.empty;
        expect(log).to.have.length(14);
    });
});
