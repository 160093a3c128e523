import { expect } from "chai";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import type { ApiVersion, ProjectKind } from "../../../provider/contract";
import { clientFor } from "../../../provider/lifecycle/connections";
import { probeSecondary } from "../../../provider/lifecycle/probe-secondary";
import { failureOf } from "../../support/failure-of";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";

const secondary = { endpoint: "https://secondary.example", key: "fedcba9876543210" };
const versions = (...offered: string[]) => ({
    status: 200,
    json: { value: offered.map((version) => ({ trainingConfigVersion: version, modelExpirationDate: "2027-08-26" })) },
});
const answer = (status: number, code: string) => ({ status, json: { error: { code, message: code } } });

/** A secondary answering from a script; each test shares probe answers only within its own scope. */
function scripted(...script: Parameters<typeof scriptedSend>) {
    const http = scriptedSend(...script);
    const io = { send: http.send, clock: new FakeClock() };
    const client = (kind: ProjectKind = "Conversation", apiVersion: ApiVersion = "2023-04-01") =>
        clientFor(secondary, kind, { apiVersion }, io);
    return { http, client, scope: {} };
}

describe("probeSecondary: the one GET check sends the secondary", () => {
    it("passes a version the secondary offers, and latest, with what it offers", async () => {
        const { client, scope } = scripted(versions("2022-09-01", "2023-04-15"));
        const sharing = { scope, credentials: "c" };
        const offered = [
            { trainingConfigVersion: "2022-09-01", modelExpirationDate: "2027-08-26" },
            { trainingConfigVersion: "2023-04-15", modelExpirationDate: "2027-08-26" },
        ];
        expect(await probeSecondary(client(), "Conversation", "2023-04-15", sharing)).to.deep.equal({ offered });
        expect(await probeSecondary(client(), "Conversation", "latest", sharing)).to.deep.equal({ offered });
    });

    it("refuses a version the secondary lacks, listing the ones it offers and latest", async () => {
        const { client, scope } = scripted(versions("2022-09-01"));
        expect(await probeSecondary(client(), "Conversation", "2022-10-01", { scope, credentials: "c" })).to.deep.equal(
            {
                failure: {
                    property: "training.trainingConfigVersion",
                    reason: '"2022-10-01" is not offered by the secondary (secondary.example) for Conversation projects; use one of "2022-09-01", "latest"',
                },
            },
        );
    });

    it("names the endpoint when the secondary answers 404, and asks again next time", async () => {
        const { client, scope, http } = scripted(answer(404, "404"), versions("2022-09-01"));
        const sharing = { scope, credentials: "c" };
        expect(await probeSecondary(client(), "Conversation", "latest", sharing)).to.deep.equal({
            failure: {
                property: "secondary.endpoint",
                reason: "secondary.example answered 404 (404) for the authoring API; give the resource's endpoint, e.g. https://<resource>.cognitiveservices.azure.com, with no path",
            },
        });
        expect(await probeSecondary(client(), "Conversation", "latest", sharing)).to.have.property("offered");
        expect(http.requests).to.have.length(2);
    });

    it("lets a preview go on, offering nothing, when the secondary does not answer", async () => {
        const down = answer(503, "ServiceUnavailable");
        const { client, scope } = scripted(down, down, down, down, down);
        expect(await probeSecondary(client(), "Conversation", "2022-09-01", { scope, credentials: "c" })).to.deep.equal(
            {
                offered: [],
            },
        );
    });

    it("throws a refusal, for refusalOf to name the credential", async () => {
        const { client, scope } = scripted(answer(401, "401"));
        const error = await failureOf(probeSecondary(client(), "Conversation", "latest", { scope, credentials: "c" }));
        expect(error).to.be.instanceOf(LanguageApiError);
        expect((error as LanguageApiError).status).to.equal(401);
    });

    it("shares an answer only with probes of the same scope, credentials, kind and api-version", async () => {
        const { client, scope, http } = scripted(
            versions("2022-09-01"),
            versions("2022-09-01"),
            versions("2022-09-01"),
            versions("2022-09-01"),
            versions("2022-09-01"),
        );
        await probeSecondary(client(), "Conversation", "latest", { scope, credentials: "c" });
        await probeSecondary(client(), "Conversation", "latest", { scope, credentials: "c" });
        expect(http.requests).to.have.length(1);
        await probeSecondary(client(), "Conversation", "latest", { scope, credentials: "other" });
        await probeSecondary(client("Orchestration"), "Orchestration", "latest", { scope, credentials: "c" });
        await probeSecondary(client("Conversation", "2025-11-01"), "Conversation", "latest", {
            scope,
            credentials: "c",
        });
        await probeSecondary(client(), "Conversation", "latest", { scope: {}, credentials: "c" });
        expect(http.requests).to.have.length(5);
        expect(http.remaining()).to.equal(0);
    });
});
