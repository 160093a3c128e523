import { expect } from "chai";
import { defaultRetryPolicy, isRetryable, retryAfterMs, retryDelayMs } from "../../../provider/client/retry-policy";

const policy = { ...defaultRetryPolicy, random: () => 0.5 };
const now = Date.parse("2026-11-22T08:00:00Z");

describe("retry policy", () => {
    it("reads Retry-After as seconds", () => {
        expect(retryAfterMs({ "retry-after": "7" }, now)).to.equal(7000);
    });

    it("reads Retry-After as an HTTP date", () => {
        expect(retryAfterMs({ "retry-after": new Date(now + 12_000).toUTCString() }, now)).to.equal(12_000);
    });

    it("prefers the Azure millisecond headers", () => {
        expect(retryAfterMs({ "retry-after-ms": "250", "retry-after": "9" }, now)).to.equal(250);
        expect(retryAfterMs({ "x-ms-retry-after-ms": "40" }, now)).to.equal(40);
    });

    it("ignores an unreadable Retry-After", () => {
        expect(retryAfterMs({ "retry-after": "soon" }, now)).to.equal(undefined);
    });

    const table: [string, number | undefined, boolean][] = [
        ["GET", 503, true],
        ["PUT", 500, true],
        ["DELETE", 502, true],
        ["POST", 503, false], // a POST :train may already have started a billed job
        ["PATCH", 504, false],
        ["POST", 429, true], // a throttled request was never acted on
        ["GET", 404, false],
        ["GET", 401, false],
        ["GET", undefined, true], // network failure
        ["POST", undefined, false],
    ];
    for (const [method, status, expected] of table) {
        it(`${expected ? "retries" : "does not retry"} ${method} ${status ?? "network failure"}`, () => {
            expect(isRetryable({ method, status })).to.equal(expected);
        });
    }

    const failed = (failures: number) => ({ failures, throttledMs: 0 });

    it("backs off exponentially up to the cap, then gives up after maxAttempts", () => {
        const delays = [1, 2, 3, 4].map((failures) =>
            retryDelayMs(policy, { method: "GET", status: 503 }, failed(failures), now),
        );
        expect(delays).to.deep.equal([1000, 2000, 4000, 8000]);
        expect(retryDelayMs(policy, { method: "GET", status: 503 }, failed(5), now)).to.equal(undefined);
        const capped = retryDelayMs({ ...policy, maxAttempts: 99 }, { method: "GET", status: 503 }, failed(20), now);
        expect(capped).to.equal(policy.maxDelayMs);
    });

    it("honours Retry-After over backoff, clamped to maxRetryAfterMs", () => {
        const outcome = { method: "GET", status: 503, headers: { "retry-after": "3" } };
        expect(retryDelayMs(policy, outcome, failed(1), now)).to.equal(3000);
        const long = { ...outcome, headers: { "retry-after": "3600" } };
        expect(retryDelayMs(policy, long, failed(1), now)).to.equal(policy.maxRetryAfterMs);
    });

    describe("throttling", () => {
        const throttled = (retryAfter: string) => ({
            method: "POST",
            status: 429,
            headers: { "retry-after": retryAfter },
        });

        it("waits out a whole window however many 429s it takes, as long as the budget lasts", () => {
            // The service's window is a minute: twenty 429s in a row must not fail a request.
            let waited = 0;
            for (let attempt = 1; attempt <= 20; attempt++) {
                const delay = retryDelayMs(policy, throttled("3"), { failures: 0, throttledMs: waited }, now);
                expect(delay, `429 number ${attempt}`).to.be.a("number");
                waited += delay!;
            }
            expect(waited).to.be.greaterThan(60_000);
        });

        it("gives up once the throttling budget is spent", () => {
            const spent = { failures: 0, throttledMs: policy.throttleBudgetMs };
            expect(retryDelayMs(policy, throttled("3"), spent, now)).to.equal(undefined);
        });

        it("spreads the retries of a refused window: up to a quarter more than Retry-After, never less", () => {
            const at = (random: number) =>
                retryDelayMs({ ...policy, random: () => random }, throttled("8"), failed(0), now);
            expect(at(0)).to.equal(8000);
            expect(at(0.999)).to.be.within(9_990, 10_000);
        });

        it("does not count throttling against the attempts other failures have", () => {
            expect(retryDelayMs(policy, throttled("1"), failed(policy.maxAttempts), now)).to.be.a("number");
        });
    });
});
