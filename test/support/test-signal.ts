/**
 * An abort signal that lives as long as the current test: mocha's root hook (registered in
 * .mocharc.json) aborts it after each test and starts the next one, so a poll loop or a request
 * a test started can never outlive it and hit the emulator during later tests, even when the test
 * failed half-way. Outside mocha's hooks (a file run with --no-config) the signal never aborts.
 */
let current = new AbortController();

export function testSignal(): AbortSignal {
    return current.signal;
}

/** Mocha root hooks: https://mochajs.org/#root-hook-plugins */
export const mochaHooks = {
    afterEach(): void {
        current.abort(new Error("the test ended"));
        // A fresh one for what runs until the next test (a suite's before hook) and for that test.
        current = new AbortController();
    },
};
