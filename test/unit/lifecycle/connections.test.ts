import { ClientSecretCredential, DefaultAzureCredential } from "@azure/identity";
import { expect } from "chai";
import type { HttpSend } from "../../../provider/client/http-send";
import {
    clientFor,
    credentialsOf,
    normalizedEndpoint,
    runtimeClientFor,
    transportFor,
} from "../../../provider/lifecycle/connections";
import { FakeClock } from "../../support/fake-clock";

const endpoint = "https://contoso.cognitiveservices.azure.com/";

describe("connections", () => {
    it("authenticates with the resource key when one is given", () => {
        expect(credentialsOf({ endpoint, key: "k" })).to.deep.equal({ kind: "key", key: "k" });
    });

    it("uses a service principal when the Entra ID client secret is given", () => {
        const credentials = credentialsOf({ endpoint, entraId: { tenantId: "t", clientId: "c", clientSecret: "s" } });
        expect(credentials.kind).to.equal("entra");
        expect(credentials.kind === "entra" && credentials.credential).to.be.instanceOf(ClientSecretCredential);
    });

    it("falls back to DefaultAzureCredential (managed identity, workload identity, Azure CLI...)", () => {
        const credentials = credentialsOf({ endpoint, entraId: {} });
        expect(credentials.kind === "entra" && credentials.credential).to.be.instanceOf(DefaultAzureCredential);
        const neither = credentialsOf({ endpoint });
        expect(neither.kind === "entra" && neither.credential).to.be.instanceOf(DefaultAzureCredential);
    });

    it("compares endpoints without their trailing slash", () => {
        expect(normalizedEndpoint({ endpoint, key: "k" })).to.equal("https://contoso.cognitiveservices.azure.com");
    });

    it("refuses to normalize an endpoint that is no endpoint, saying why", () => {
        expect(() => normalizedEndpoint({ endpoint: "contoso", key: "k" })).to.throw(
            /expected e\.g\. https:\/\/<resource>\.cognitiveservices\.azure\.com/,
        );
    });

    it("builds the authoring client of the kind's family and api-version, on the test's HTTP layer", async () => {
        const sent: string[] = [];
        const send: HttpSend = async (request) => {
            sent.push(`${request.method} ${request.url} ${request.headers["Ocp-Apim-Subscription-Key"]}`);
            return { status: 200, headers: {}, text: JSON.stringify({ value: [] }) };
        };
        const client = clientFor(
            { endpoint, key: "k" },
            "CustomEntityRecognition",
            { apiVersion: "2022-05-01" },
            {
                send,
                clock: new FakeClock(),
            },
        );
        expect(client.family).to.equal("analyze-text");
        expect(client.apiVersion).to.equal("2022-05-01");
        expect(client.transport.endpoint).to.equal("https://contoso.cognitiveservices.azure.com");
        await client.listProjects();
        expect(sent).to.deep.equal([
            "GET https://contoso.cognitiveservices.azure.com/language/authoring/analyze-text/projects?api-version=2022-05-01 k",
        ]);
    });

    it("keeps each resource to the rate limits given", async () => {
        const clock = new FakeClock();
        const send: HttpSend = async () => ({ status: 200, headers: {}, text: "{}" });
        const transport = transportFor(
            { endpoint, key: "k" },
            { rateLimits: { readsPerMinute: 1, writesPerMinute: 1 } },
            { send, clock },
        );
        for (let i = 0; i < 2; i++) await transport.call({ method: "GET", url: `${endpoint}x`, operation: "reading" });
        expect(clock.sleeps).to.have.length.greaterThan(0);
    });

    it("counts predictions against their own budget, far above the authoring writes", async () => {
        const clock = new FakeClock();
        const send: HttpSend = async () => ({ status: 200, headers: {}, text: "{}" });
        const runtime = runtimeClientFor({ endpoint, key: "k" }, { send, clock });
        expect(runtime.transport.endpoint).to.equal("https://contoso.cognitiveservices.azure.com");
        for (let i = 0; i < 30; i++) {
            await runtime.transport.call({ method: "POST", url: `${endpoint}language`, operation: "predicting" });
        }
        expect(clock.sleeps).to.deep.equal([]);
    });
});
