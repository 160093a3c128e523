import { expect } from "chai";
import { AuthoringClient } from "../../../provider/client/authoring-client";
import type { Credentials } from "../../../provider/client/credentials";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { LanguageTransport } from "../../../provider/client/transport";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { failureOf, steadyRetry } from "./support/client-bed";

/** A token the emulator accepts as Microsoft Entra ID, and a credential that hands it out. */
const entraToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra-token-for-the-echo-test.c2lnbmF0dXJl";
const tokenCredential: Credentials = {
    kind: "entra",
    credential: { getToken: async () => ({ token: entraToken, expiresOnTimestamp: Date.now() + 3_600_000 }) },
};

/**
 * Some gateways and proxies answer an error by repeating the request, headers included. The
 * emulator's `echoRequest` fault does exactly that, so "an error never shows the key or token"
 * is a claim a test can break: every error text the client makes must come through clean.
 */
describe("client contract: an error that echoes the request never carries the credentials", () => {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({ entraTokens: [entraToken], jobTiming: { mode: "instant" } });
    });

    after(async () => {
        await bed.stop();
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
    });

    const connections: [string, () => Credentials, () => string][] = [
        [
            "a resource key",
            () => ({ kind: "key", key: bed.resource("primary").keys[0] }),
            () => bed.resource("primary").keys[0],
        ],
        ["a Microsoft Entra ID token", () => tokenCredential, () => entraToken],
    ];

    for (const [name, credentials, secret] of connections) {
        it(`with ${name}: the echoed headers reach the error only redacted`, async () => {
            await bed.admin.addFault({
                resource: "primary",
                path: "/projects/faq$",
                fault: { kind: "echoRequest", status: 502, times: 5 },
            });
            const client = clientWith(bed, credentials());
            const failure = await failureOf(client.getProject("faq"));
            expect(failure).to.be.instanceOf(LanguageApiError);
            const text = `${(failure as Error).message}\n${JSON.stringify(failure)}\n${String((failure as Error).stack)}`;
            // The fault did echo the request: the error tells of the headers it saw.
            expect(text).to.include("Request headers");
            expect(text).not.to.include(secret());
        });

        it(`with ${name}: a request body echoed back is redacted too`, async () => {
            await bed.admin.addFault({
                resource: "primary",
                method: "PATCH",
                path: "/projects/faq$",
                fault: { kind: "echoRequest", status: 400, times: 1 },
            });
            const client = clientWith(bed, credentials());
            const failure = await failureOf(
                client.updateProject("faq", {
                    projectKind: "Conversation",
                    language: "en-us",
                    projectName: "faq",
                } as never),
            );
            expect((failure as Error).message).to.include("Request body");
            expect((failure as Error).message).not.to.include(secret());
        });
    }
});

function clientWith(bed: TestBed, credentials: Credentials): AuthoringClient {
    const transport = new LanguageTransport({
        endpoint: bed.resource("primary").endpoint,
        credentials,
        rateLimits: false,
        retry: { ...steadyRetry, maxAttempts: 1 },
    });
    return new AuthoringClient(transport, "analyze-conversations", "2023-04-01");
}
