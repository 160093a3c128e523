/** What a call that must fail failed with; a call that succeeds fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<unknown> {
    try {
        await call;
    } catch (error) {
        return error;
    }
    throw new Error("expected a failure, but the call succeeded");
}
