import { expect } from "chai";
import { RateLimiter } from "../../../emulator/http/rate-limiter";
import { ManualClock } from "../../../emulator/jobs/clock";

describe("emulator/http/rate-limiter", () => {
    it("allows the limit per sliding window and says how long to wait", () => {
        const clock = new ManualClock(0);
        const limiter = new RateLimiter({ writesPerMinute: 2, readsPerMinute: 100 }, clock);
        expect(limiter.admit("primary", "POST")).to.equal(undefined);
        clock.advance(20_000);
        expect(limiter.admit("primary", "PUT")).to.equal(undefined);
        clock.advance(10_000);
        expect(limiter.admit("primary", "DELETE")).to.equal(30);
        expect(limiter.admit("secondary", "POST")).to.equal(undefined);
        expect(limiter.admit("primary", "GET")).to.equal(undefined);
        clock.advance(30_000);
        expect(limiter.admit("primary", "POST")).to.equal(undefined);
    });

    it("rounds the wait up to whole seconds, at least one", () => {
        const clock = new ManualClock(0);
        const limiter = new RateLimiter({ writesPerMinute: 1, readsPerMinute: 1, windowMs: 1500 }, clock);
        limiter.admit("r", "GET");
        clock.advance(1499);
        expect(limiter.admit("r", "GET")).to.equal(1);
    });

    it("can be turned off", () => {
        const limiter = new RateLimiter(false, new ManualClock(0));
        for (let request = 0; request < 1000; request++) {
            expect(limiter.admit("r", "POST")).to.equal(undefined);
        }
    });
});
