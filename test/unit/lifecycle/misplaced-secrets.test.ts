import { expect } from "chai";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { misplacedSecrets, secretsIn, withoutSecrets } from "../../../provider/lifecycle/misplaced-secrets";

const key = "0123456789abcdef0123456789abcdef";
const clientSecret = "Abc8Q~client.secret_value-123456";
const storageKey = "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0";

describe("misplaced secrets: where secrets belong and where they must not go", () => {
    it("finds the secrets of both connections, the parity probe and both storage accesses", () => {
        const access = (prefix: string) => ({
            connectionString: `${prefix}-connection-string`,
            sasToken: `${prefix}-sas-token`,
            entraId: { clientSecret: `${prefix}-client-secret` },
        });
        const inputs = {
            primary: { key, entraId: { clientSecret } },
            secondary: { key: "secondary-key-value" },
            promotion: { parity: { documents: { connectionString: storageKey } } },
            documents: { source: access("source"), target: access("target") },
        };
        expect(secretsIn(inputs)).to.deep.equal([
            { path: "primary.key", value: key },
            { path: "secondary.key", value: "secondary-key-value" },
            { path: "primary.entraId.clientSecret", value: clientSecret },
            { path: "promotion.parity.documents.connectionString", value: storageKey },
            { path: "documents.source.connectionString", value: "source-connection-string" },
            { path: "documents.source.sasToken", value: "source-sas-token" },
            { path: "documents.source.entraId.clientSecret", value: "source-client-secret" },
            { path: "documents.target.connectionString", value: "target-connection-string" },
            { path: "documents.target.sasToken", value: "target-sas-token" },
            { path: "documents.target.entraId.clientSecret", value: "target-client-secret" },
        ]);
    });

    it("finds the secondary's client secret too", () => {
        expect(secretsIn({ secondary: { entraId: { clientSecret } } })).to.deep.equal([
            { path: "secondary.entraId.clientSecret", value: clientSecret },
        ]);
    });

    it("ignores values too short to be a secret, unknowns, non-strings and shapes that lead nowhere", () => {
        expect(secretsIn({ primary: { key: "1234567" } })).to.deep.equal([]);
        expect(secretsIn({ primary: { key: "12345678" } })).to.deep.equal([{ path: "primary.key", value: "12345678" }]);
        expect(secretsIn({ primary: { key: unknownValue } })).to.deep.equal([]);
        expect(secretsIn({ primary: { key: 12345678901 } })).to.deep.equal([]);
        expect(secretsIn({ primary: "https://x", secondary: null, documents: [{ source: {} }] })).to.deep.equal([]);
        expect(secretsIn(undefined)).to.deep.equal([]);
    });

    it("names each field holding a secret, and where the secret belongs, but not the secret", () => {
        const inputs = {
            primary: { endpoint: `https://${key}.example`, key },
            projectName: key,
            tags: ["a", `x${key}x`],
            count: 3,
        };
        expect(misplacedSecrets(inputs, secretsIn(inputs))).to.deep.equal([
            { property: "primary.endpoint", reason: "holds the value of primary.key; a secret belongs only there" },
            { property: "projectName", reason: "holds the value of primary.key; a secret belongs only there" },
            { property: "tags.1", reason: "holds the value of primary.key; a secret belongs only there" },
        ]);
    });

    it("finds nothing where each secret is only in its place", () => {
        const inputs = { primary: { endpoint: "https://a.example", key }, secondary: { key: clientSecret } };
        expect(misplacedSecrets(inputs, secretsIn(inputs))).to.deep.equal([]);
    });

    it("redacts secrets from failures and brackets a top-level property whose value holds one", () => {
        const inputs = { projectName: `faq-${key}`, modelLabel: "prod", primary: { key } };
        const failures = [
            { property: "projectName", reason: `"faq-${key}" is too long` },
            { property: "modelLabel", reason: "fine" },
            { property: "primary.endpoint", reason: "no" },
            { property: `training.${key}`, reason: "unknown option" },
        ];
        expect(withoutSecrets(failures, secretsIn(inputs), inputs)).to.deep.equal([
            { property: '["projectName"]', reason: '"faq-[redacted]" is too long' },
            { property: "modelLabel", reason: "fine" },
            { property: "primary.endpoint", reason: "no" },
            { property: "training.[redacted]", reason: "unknown option" },
        ]);
    });

    it("brackets a top-level property whose nested value holds a secret", () => {
        const inputs = { training: { note: [key] }, primary: { key } };
        expect(withoutSecrets([{ property: "training", reason: "r" }], secretsIn(inputs), inputs)).to.deep.equal([
            { property: '["training"]', reason: "r" },
        ]);
    });

    it("does not bracket a property inherited rather than given", () => {
        const inputs = { primary: { key } };
        expect(withoutSecrets([{ property: "toString", reason: "r" }], secretsIn(inputs), inputs)).to.deep.equal([
            { property: "toString", reason: "r" },
        ]);
    });
});
