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

    it("backs off exponentially up to the cap, then gives up after maxAttempts", () => {
        const delays = [1, 2, 3, 4].map((attempt) =>
            retryDelayMs(policy, { method: "GET", status: 503 }, attempt, now),
        );
        expect(delays).to.deep.equal([1000, 2000, 4000, 8000]);
        expect(retryDelayMs(policy, { method: "GET", status: 503 }, 5, now)).to.equal(undefined);
        const capped = retryDelayMs({ ...policy, maxAttempts: 99 }, { method: "GET", status: 503 }, 20, now);
        expect(capped).to.equal(policy.maxDelayMs);
    });

    it("honours Retry-After over backoff, clamped to maxRetryAfterMs", () => {
        const outcome = (value: string) => ({ method: "GET", status: 429, headers: { "retry-after": value } });
        expect(retryDelayMs(policy, outcome("3"), 1, now)).to.equal(3000);
        expect(retryDelayMs(policy, outcome("3600"), 1, now)).to.equal(policy.maxRetryAfterMs);
    });
});
