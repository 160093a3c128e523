import { expect } from "chai";
import type { EmulatorAdminClient } from "../../emulator";

/**
 * The requests that would have changed the primary: anything but GETs and the export trigger (a
 * POST that changes nothing, and the only way to read a project's assets), as the emulator's
 * request log has them since it was last cleared.
 */
export async function writesToPrimary(admin: EmulatorAdminClient): Promise<string[]> {
    const requests = await admin.requests("primary");
    return requests
        .filter((request) => request.method !== "GET" && !request.path.endsWith("/:export"))
        .map((request) => `${request.method} ${request.path}`);
}

/**
 * `it`, with "nothing wrote to the primary" checked as part of the test. In an afterEach hook a
 * failed check would stop every later test of the suite; here it fails this test alone.
 */
export function itLeavingPrimaryAlone(admin: () => EmulatorAdminClient) {
    return (title: string, body: (this: Mocha.Context) => Promise<void> | void) =>
        it(title, async function () {
            await body.call(this);
            expect(await writesToPrimary(admin()), "writing requests that reached the primary").to.deep.equal([]);
        });
}
