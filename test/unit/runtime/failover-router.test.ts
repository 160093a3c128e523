import { RestError } from "@azure/core-rest-pipeline";
import { expect } from "chai";
import { inspect } from "node:util";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import type { RegionName } from "../../../runtime/failover-counters";
import {
    type FailbackEvent,
    type FailoverEvent,
    FailoverRouter,
    type RegionCall,
} from "../../../runtime/failover-router";
import { NoRegionAnsweredError } from "../../../runtime/no-region-answered-error";

const key = "primary-secret-key-0123456789";
const regions = {
    primary: { resource: "primary.example/language", secrets: [key] },
    secondary: { resource: "secondary.example/language", secrets: ["secondary-secret-key"] },
};

/** How a fake region answers one attempt. */
type Behaviour = "answer" | "unavailable" | "refuse" | "hang";

/**
 * Scripted regions: each attempt takes the region's current behaviour. A hanging attempt settles
 * only when its signal aborts, so no test leaves anything pending.
 */
class FakeRegions {
    behaviour: Record<RegionName, Behaviour> = { primary: "answer", secondary: "answer" };
    readonly attempts: RegionName[] = [];

    readonly call: RegionCall<string> = async (region, signal) => {
        this.attempts.push(region);
        switch (this.behaviour[region]) {
            case "answer":
                return `answer from ${region}`;
            case "unavailable":
                throw new RestError(`Service unavailable (key ${key})`, {
                    statusCode: 503,
                    code: "ServiceUnavailable",
                });
            case "refuse":
                throw new RestError("The project could not be found.", { statusCode: 404, code: "ProjectNotFound" });
            case "hang":
                return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
        }
    };

    asked(region: RegionName): number {
        return this.attempts.filter((asked) => asked === region).length;
    }
}

describe("failover router: circuit breaker wiring", () => {
    const realNow = Date.now;
    let now: number;
    let fake: FakeRegions;
    let router: FailoverRouter;
    let failovers: FailoverEvent[];
    let failbacks: FailbackEvent[];
    const route = (timeoutMs = 1_000, signal?: AbortSignal) => router.route("predicting", fake.call, timeoutMs, signal);

    beforeEach(() => {
        // cockatiel's breaker reads Date.now to decide when the primary may be probed.
        now = Date.parse("2026-01-01T00:00:00Z");
        Date.now = () => now;
        fake = new FakeRegions();
        router = new FailoverRouter({ failureThreshold: 3, halfOpenAfterMs: 30_000 }, regions);
        failovers = [];
        failbacks = [];
        router.events.on("failover", (event) => failovers.push(event));
        router.events.on("failback", (event) => failbacks.push(event));
    });

    afterEach(() => {
        Date.now = realNow;
    });

    it("answers from the primary while it answers", async () => {
        const answer = await route();
        expect(answer).to.include({ result: "answer from primary", region: "primary" });
        expect(answer.primaryFailure).to.equal(undefined);
        expect(fake.attempts).to.deep.equal(["primary"]);
    });

    it("retries a failed request on the secondary at once, without opening on a single failure", async () => {
        fake.behaviour.primary = "unavailable";
        const answer = await route();
        expect(answer).to.include({ result: "answer from secondary", region: "secondary" });
        expect(answer.primaryFailure).to.be.instanceOf(LanguageApiError).and.include({ status: 503 });
        fake.behaviour.primary = "answer";
        expect((await route()).region).to.equal("primary");
        expect(failovers).to.deep.equal([]);
        expect(router.counterSnapshot()).to.deep.include({
            requests: 2,
            answered: { primary: 1, secondary: 1 },
            regionFailures: { primary: 1, secondary: 0 },
            failed: 0,
            failovers: 0,
            routingTo: "primary",
        });
    });

    it("opens after N consecutive failures and then skips the primary: failover within N+1 requests", async () => {
        fake.behaviour.primary = "unavailable";
        for (let request = 1; request <= 3; request++) {
            expect((await route()).region, `request ${request}`).to.equal("secondary");
            expect(failovers, `after request ${request}`).to.have.length(request === 3 ? 1 : 0);
        }
        const beforeNext = fake.asked("primary");
        const next = await route();
        expect(next.region).to.equal("secondary");
        expect(next.primaryFailure, "the primary was not asked").to.equal(undefined);
        expect(fake.asked("primary")).to.equal(beforeNext);
        expect(failovers[0]).to.deep.include({ consecutiveFailures: 3, at: new Date(now) });
        expect(failovers[0]!.reason).to.be.instanceOf(LanguageApiError).and.include({ code: "ServiceUnavailable" });
        expect(router.counterSnapshot()).to.deep.include({
            requests: 4,
            failovers: 1,
            failed: 0,
            routingTo: "secondary",
            lastSwitchAt: new Date(now),
        });
    });

    it("counts only consecutive failures: an answer in between starts the count again", async () => {
        for (const behaviour of ["unavailable", "unavailable", "answer", "unavailable", "unavailable"] as const) {
            fake.behaviour.primary = behaviour;
            await route();
        }
        expect(failovers).to.deep.equal([]);
    });

    it("counts a refused request as an answer: returned to the caller, not retried, not a failure", async () => {
        fake.behaviour.primary = "unavailable";
        await route();
        await route();
        fake.behaviour.primary = "refuse";
        const refused = await route().then(
            () => expect.fail("answered"),
            (error: unknown) => error,
        );
        expect(refused).to.be.instanceOf(LanguageApiError).and.include({ status: 404, code: "ProjectNotFound" });
        expect(fake.asked("secondary"), "not retried on the secondary").to.equal(2);
        fake.behaviour.primary = "unavailable";
        await route();
        await route();
        expect(failovers, "the refusal reset the count").to.deep.equal([]);
        expect(router.counterSnapshot().failed).to.equal(1);
    });

    it("counts timeouts as failures", async () => {
        fake.behaviour.primary = "hang";
        for (let request = 1; request <= 3; request++) {
            const answer = await route(20);
            expect(answer.region).to.equal("secondary");
            expect(answer.primaryFailure).to.include({ code: "Timeout" });
        }
        expect(failovers).to.have.length(1);
    });

    it("probes the primary once the interval has passed, and fails back when it answers", async () => {
        fake.behaviour.primary = "unavailable";
        for (let request = 1; request <= 3; request++) await route();
        const openedAt = now;
        fake.behaviour.primary = "answer";
        now += 29_999;
        expect((await route()).region, "still open").to.equal("secondary");
        now += 1;
        expect((await route()).region, "the probe").to.equal("primary");
        expect(failbacks).to.deep.equal([{ at: new Date(now), failedOverForMs: now - openedAt }]);
        expect((await route()).region).to.equal("primary");
        expect(router.counterSnapshot()).to.deep.include({ failovers: 1, failbacks: 1, routingTo: "primary" });
    });

    it("answers a failed probe from the secondary, stays failed over, and probes again an interval later", async () => {
        fake.behaviour.primary = "unavailable";
        for (let request = 1; request <= 3; request++) await route();
        now += 30_000;
        const probe = await route();
        expect(probe.region).to.equal("secondary");
        expect(probe.primaryFailure, "the probe was sent").to.be.instanceOf(LanguageApiError);
        expect(failovers, "a failed probe is not a new failover").to.have.length(1);
        fake.behaviour.primary = "answer";
        now += 29_999;
        expect((await route()).region).to.equal("secondary");
        now += 1;
        expect((await route()).region).to.equal("primary");
        expect(failbacks).to.have.length(1);
    });

    it("sends calls made during a probe to the secondary instead of holding them", async () => {
        fake.behaviour.primary = "unavailable";
        for (let request = 1; request <= 3; request++) await route();
        now += 30_000;
        fake.behaviour.primary = "hang";
        const probe = route(50);
        const during = await route(50);
        expect(during.region).to.equal("secondary");
        expect(during.primaryFailure).to.equal(undefined);
        expect((await probe).region, "the probe timed out and was answered by the secondary").to.equal("secondary");
    });

    it("fails the call when both regions fail, keeping both causes", async () => {
        fake.behaviour = { primary: "unavailable", secondary: "unavailable" };
        const error = await route().then(
            () => expect.fail("answered"),
            (rejected: unknown) => rejected,
        );
        expect(error).to.be.instanceOf(NoRegionAnsweredError);
        const failure = error as NoRegionAnsweredError;
        expect(failure.primary).to.include({ resource: "primary.example/language", status: 503 });
        expect(failure.secondary).to.include({ resource: "secondary.example/language", status: 503 });
        expect(router.counterSnapshot()).to.deep.include({ failed: 1, regionFailures: { primary: 1, secondary: 1 } });
    });

    it("never shows a key in an error, an event or a log line", async () => {
        fake.behaviour = { primary: "unavailable", secondary: "unavailable" };
        const errors: unknown[] = [];
        for (let request = 1; request <= 3; request++) await route().catch((error: unknown) => errors.push(error));
        const seen = [...errors, ...failovers, router.counterSnapshot()];
        for (const item of seen) {
            const text = `${String((item as Error).message)} ${inspect(item, { depth: 10 })} ${JSON.stringify(item)}`;
            expect(text).to.not.include(key);
        }
        expect((errors[0] as Error).message).to.include("[redacted]");
    });

    it("returns a caller's abort at once; the attempt it left still counts", async () => {
        fake.behaviour.primary = "hang";
        const controller = new AbortController();
        const call = route(30, controller.signal);
        controller.abort(new Error("the caller gave up"));
        const error = await call.then(
            () => expect.fail("answered"),
            (rejected: unknown) => rejected,
        );
        expect(error).to.have.property("message", "the caller gave up");
        // The primary's attempt times out on its own; it is counted, and the secondary is not asked.
        for (let tries = 0; tries < 100 && router.counterSnapshot().regionFailures.primary === 0; tries++) {
            await new Promise((resolve) => setTimeout(resolve, 5));
        }
        expect(router.counterSnapshot().regionFailures.primary).to.equal(1);
        expect(fake.asked("secondary")).to.equal(0);
    });
});
