import { expect } from "chai";
import type { EmulatorAdminClient } from "../../emulator";

/** What may reach the read-only primary besides GETs: requests that change nothing there. */
const harmless: readonly { method: string; path: RegExp; why: string }[] = [
    { method: "POST", path: /^\/language\/authoring\/[^/]+\/projects\/[^/]+\/:export$/, why: "the export trigger" },
    { method: "POST", path: /^\/language\/:analyze-conversations$/, why: "a prediction (the parity probe)" },
    { method: "POST", path: /^\/language\/analyze-text\/jobs$/, why: "a text prediction job (the parity probe)" },
];

/** Whether a request to the primary (its path below the resource endpoint) could change it. */
export function couldChangePrimary(method: string, path: string): boolean {
    return method !== "GET" && !harmless.some((rule) => rule.method === method && rule.path.test(path));
}

/** The requests that could have changed the primary since its request log was last cleared, as `METHOD path`. */
export async function writesToPrimary(admin: EmulatorAdminClient): Promise<string[]> {
    return (await admin.requests("primary"))
        .filter((request) => couldChangePrimary(request.method, request.path))
        .map((request) => `${request.method} ${request.path}`);
}

/** What knows the writes that reached the primary: its emulator's log alone, or a bed that also watches its storage. */
type PrimaryWatch = EmulatorAdminClient | { writesToPrimary(): Promise<string[]> };

/**
 * `it`, with "nothing wrote to the primary" checked as part of the test. In an afterEach hook a
 * failed check would stop every later test of the suite; here it fails this test alone.
 */
export function itLeavingPrimaryAlone(watch: () => PrimaryWatch) {
    return (title: string, body: (this: Mocha.Context) => Promise<void> | void) =>
        it(title, async function () {
            await body.call(this);
            const watching = watch();
            const writes = "writesToPrimary" in watching ? watching.writesToPrimary() : writesToPrimary(watching);
            expect(await writes, "writing requests that reached the primary").to.deep.equal([]);
        });
}
