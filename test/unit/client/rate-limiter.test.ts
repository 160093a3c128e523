import { expect } from "chai";
import { ResourceRateLimiter } from "../../../provider/client/rate-limiter";
import { FakeClock } from "../../support/fake-clock";

describe("resource rate limiter", () => {
    it("lets 10 writes through per minute, then waits for the window to slide", async () => {
        const clock = new FakeClock();
        const limiter = new ResourceRateLimiter({ readsPerMinute: 100, writesPerMinute: 10 }, clock);
        for (let i = 0; i < 10; i++) await limiter.acquire("POST");
        expect(clock.sleeps).to.deep.equal([]);
        await limiter.acquire("PUT");
        expect(clock.sleeps).to.deep.equal([61_000]);
    });

    it("counts reads apart from writes", async () => {
        const clock = new FakeClock();
        const limiter = new ResourceRateLimiter({ readsPerMinute: 3, writesPerMinute: 1 }, clock);
        await limiter.acquire("POST");
        for (let i = 0; i < 3; i++) await limiter.acquire("GET");
        expect(clock.sleeps).to.deep.equal([]);
        clock.advance(30_000);
        await limiter.acquire("GET");
        expect(clock.sleeps).to.deep.equal([31_000]);
    });

    it("stops waiting when aborted", async () => {
        const clock = new FakeClock();
        const limiter = new ResourceRateLimiter({ readsPerMinute: 1, writesPerMinute: 1 }, clock);
        await limiter.acquire("GET");
        const controller = new AbortController();
        controller.abort(new Error("stopped"));
        let failure: unknown;
        await limiter.acquire("GET", controller.signal).catch((error) => (failure = error));
        expect(String(failure)).to.include("stopped");
    });
});
