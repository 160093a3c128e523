import { ClientSecretCredential, DefaultAzureCredential } from "@azure/identity";
import { expect } from "chai";
import { credentialsOf, normalizedEndpoint } from "../../../provider/lifecycle/connections";

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
    });

    it("compares endpoints without their trailing slash", () => {
        expect(normalizedEndpoint({ endpoint, key: "k" })).to.equal("https://contoso.cognitiveservices.azure.com");
    });
});
