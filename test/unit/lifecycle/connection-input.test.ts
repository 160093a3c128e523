import { expect } from "chai";
import { connectionSchema, entraIdSchema, secretSchema } from "../../../provider/lifecycle/connection-input";
import { failuresFor } from "../../support/schema-failures";

const keySchema = secretSchema("key", `the resource's "Keys and Endpoint" page`);
const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const client = "0d5c3f7e-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
const endpoint = "https://contoso.cognitiveservices.azure.com";

describe("connection inputs: a key or client secret as it is sent", () => {
    it("accepts every printable ASCII character, from ! to ~", () => {
        expect(failuresFor(keySchema, "!0123456789abcdef~")).to.deep.equal([]);
        expect(failuresFor(keySchema, "!")).to.deep.equal([]);
    });

    it("refuses an empty secret, naming what is empty", () => {
        expect(failuresFor(keySchema, "")).to.deep.equal([{ property: "", reason: "the key must not be empty" }]);
    });

    it("refuses blanks or a line break at either end, telling to remove them", () => {
        for (const value of ["abcdef12 ", "\tabcdef12", "abcdef12\r\n"]) {
            expect(failuresFor(keySchema, value), JSON.stringify(value)).to.deep.equal([
                {
                    property: "",
                    reason: "the key starts or ends with blanks or a line break (often copied along); remove them",
                },
            ]);
        }
    });

    it("refuses blanks, control or non-ASCII characters inside, saying where to copy it from again", () => {
        for (const value of ["abc def", "abc\u007fdef", "abcdéf", "abc\u0000def"]) {
            expect(failuresFor(keySchema, value), JSON.stringify(value)).to.deep.equal([
                {
                    property: "",
                    reason: `the key holds blanks, control or non-ASCII characters, which no key has; copy it again from the resource's "Keys and Endpoint" page`,
                },
            ]);
        }
    });

    it("says where a client secret comes from", () => {
        const [failure] = failuresFor(entraIdSchema, { tenantId: tenant, clientId: client, clientSecret: "a b" });
        expect(failure).to.deep.equal({
            property: "clientSecret",
            reason: "the client secret holds blanks, control or non-ASCII characters, which no client secret has; copy it again from the app registration",
        });
    });
});

describe("connection inputs: Microsoft Entra ID", () => {
    it("takes a tenant as a GUID in either case, or as a domain", () => {
        for (const tenantId of [tenant, tenant.toUpperCase(), "contoso.onmicrosoft.com", "my-org.example"]) {
            expect(failuresFor(entraIdSchema, { tenantId }), tenantId).to.deep.equal([]);
        }
    });

    it("refuses a tenant that is neither, saying what a tenant looks like", () => {
        for (const tenantId of ["contoso", `${tenant}x`, `x${tenant}`, "contoso.onmicrosoft.com.", "a b.com"]) {
            expect(failuresFor(entraIdSchema, { tenantId }), tenantId).to.deep.equal([
                {
                    property: "tenantId",
                    reason: "must be the directory (tenant) ID: a GUID, or a domain such as contoso.onmicrosoft.com",
                },
            ]);
        }
    });

    it("refuses a client ID that is no GUID", () => {
        for (const clientId of ["my-app", `${client}0`, `0${client}`]) {
            expect(failuresFor(entraIdSchema, { clientId }), clientId).to.deep.equal([
                { property: "clientId", reason: "must be the application (client) ID, a GUID" },
            ]);
        }
        expect(failuresFor(entraIdSchema, { clientId: client.toUpperCase() })).to.deep.equal([]);
    });

    it("takes a service principal with all three fields, or hints without a secret", () => {
        expect(
            failuresFor(entraIdSchema, { tenantId: tenant, clientId: client, clientSecret: "s3cr3t~value" }),
        ).to.deep.equal([]);
        expect(failuresFor(entraIdSchema, {})).to.deep.equal([]);
        expect(failuresFor(entraIdSchema, { clientId: client })).to.deep.equal([]);
    });

    it("names only the field a client secret still needs", () => {
        expect(failuresFor(entraIdSchema, { tenantId: tenant, clientSecret: "s3cr3t~value" })).to.deep.equal([
            {
                property: "clientId",
                reason: "is required with clientSecret: the application (client) ID of the service principal",
            },
        ]);
        expect(failuresFor(entraIdSchema, { clientId: client, clientSecret: "s3cr3t~value" })).to.deep.equal([
            {
                property: "tenantId",
                reason: "is required with clientSecret: the directory (tenant) ID of the service principal",
            },
        ]);
    });
});

describe("connection inputs: one Language resource", () => {
    it("takes an endpoint with a key, or with Entra ID", () => {
        expect(failuresFor(connectionSchema, { endpoint, key: "0123456789abcdef" })).to.deep.equal([]);
        expect(failuresFor(connectionSchema, { endpoint, entraId: {} })).to.deep.equal([]);
    });

    it("says where a resource key comes from", () => {
        expect(failuresFor(connectionSchema, { endpoint, key: "0123 4567" })).to.deep.equal([
            {
                property: "key",
                reason: `the key holds blanks, control or non-ASCII characters, which no key has; copy it again from the resource's "Keys and Endpoint" page`,
            },
        ]);
    });

    it("wants one way to authenticate when none is given", () => {
        expect(failuresFor(connectionSchema, { endpoint })).to.deep.equal([
            { property: "key", reason: 'give exactly one of "key" or "entraId"' },
        ]);
    });

    it("reports the endpoint's problem against endpoint", () => {
        const [failure] = failuresFor(connectionSchema, { endpoint: "contoso", key: "0123456789abcdef" });
        expect(failure!.property).to.equal("endpoint");
        expect(failure!.reason).to.include("expected e.g. https://<resource>.cognitiveservices.azure.com");
    });
});
