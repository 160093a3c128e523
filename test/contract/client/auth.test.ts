import type { TokenCredential } from "@azure/identity";
import { expect } from "chai";
import { AuthoringClient } from "../../../provider/client/authoring-client";
import { cognitiveServicesScope } from "../../../provider/client/credentials";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { LanguageTransport } from "../../../provider/client/transport";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { clientFor, failureOf } from "./support/client-bed";

const acceptedToken = "eyJ0eXAiOiJKV1QifQ.accepted-token.signature";

/** A token credential that hands out one fixed token and remembers the scopes it was asked for. */
function fixedToken(token: string, scopes: string[]): TokenCredential {
    return {
        getToken: async (scope) => {
            scopes.push(...(Array.isArray(scope) ? scope : [scope]));
            return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
        },
    };
}

describe("client contract: authentication", function () {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({
            jobTiming: { mode: "instant" },
            resources: [
                {
                    name: "primary",
                    region: "westeurope",
                    keys: ["primary-key-1", "primary-key-2"],
                    entraTokens: [acceptedToken],
                },
            ],
        });
    });

    after(async () => {
        await bed.stop();
    });

    function entraClient(token: string, scopes: string[]): AuthoringClient {
        const transport = new LanguageTransport({
            endpoint: bed.resource("primary").endpoint,
            credentials: { kind: "entra", credential: fixedToken(token, scopes) },
            rateLimits: false,
        });
        return new AuthoringClient(transport, "analyze-conversations", "2023-04-01");
    }

    it("accepts either key of the resource", async () => {
        for (const key of bed.resource("primary").keys) {
            const client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", { key });
            expect(await client.listProjects()).to.be.an("array");
        }
    });

    it("authenticates with a Microsoft Entra ID bearer token for the Cognitive Services scope", async () => {
        const scopes: string[] = [];
        const client = entraClient(acceptedToken, scopes);
        const created = await client.updateProject("ByToken", {
            projectKind: "Conversation",
            projectName: "ByToken",
            language: "en-us",
        });
        expect(created.projectName).to.equal("ByToken");
        expect(scopes).to.deep.equal([cognitiveServicesScope]);
    });

    it("answers a wrong bearer token 401, and the error never shows the token", async () => {
        const token = "eyJ0eXAiOiJKV1QifQ.rejected-token.signature";
        const failure = await failureOf(entraClient(token, []).getProject("ByToken"));
        expect(failure).to.be.instanceOf(LanguageApiError).and.include({ status: 401, code: "401" });
        expect((failure as Error).message).to.not.contain("rejected-token");
    });
});
