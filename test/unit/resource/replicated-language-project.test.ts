import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { ReplicatedLanguageProject, type ReplicatedLanguageProjectArgs } from "../../../provider/resource";
import { installMocks, isWireSecret, removeMocks, replicaType, resolve, type Recording } from "../stacks/azure-mocks";

const key = "0123456789abcdef0123456789abcdef";
const valid = {
    primary: { endpoint: "https://primary.example", key },
    secondary: { endpoint: "https://secondary.example", key: "fedcba9876543210fedcba9876543210" },
    projectName: "faq",
};

/** Declares one replica and returns the inputs the engine would hand `check`. */
async function registered(recording: Recording, args: unknown, name = "faq") {
    const replica = new ReplicatedLanguageProject(name, args as ReplicatedLanguageProjectArgs);
    await resolve(replica.urn);
    const registration = recording.registrations.find((r) => r.type === replicaType && r.name === name);
    expect(registration, "the replica was registered").to.not.equal(undefined);
    return { replica, registration: registration! };
}

describe("ReplicatedLanguageProject: what the program gives reaches check", () => {
    let recording: Recording;

    beforeEach(async () => {
        recording = await installMocks();
    });

    afterEach(() => removeMocks());

    it("passes an output name and extra connection fields on, for check to refuse", async () => {
        const args = { ...valid, deployment: { name: "production" }, primary: { ...valid.primary, apiKey: key } };
        const { registration } = await registered(recording, args);
        expect(registration.inputs.deployment).to.deep.equal({ name: "production" });
        expect(registration.inputs.primary).to.deep.equal({ endpoint: "https://primary.example", key, apiKey: key });
        expect(isWireSecret(registration.wire.primary.key ?? registration.wire.primary)).to.equal(true);
    });

    it("keeps secret a connection that is no object and a field that is no input: either may be a key", async () => {
        const { registration } = await registered(recording, { ...valid, primary: key, apiKey: key }, "pasted");
        expect(registration.inputs.primary).to.equal(key);
        expect(isWireSecret(registration.wire.primary)).to.equal(true);
        expect(isWireSecret(registration.wire.apiKey)).to.equal(true);
        expect(isWireSecret(registration.wire.projectName)).to.equal(false);
    });

    it("keeps the outputs' placeholders: they exist on the resource and are not sent", async () => {
        const { replica, registration } = await registered(recording, valid);
        expect(pulumi.Output.isInstance(replica.deployment)).to.equal(true);
        expect(registration.inputs).to.not.have.property("deployment");
        expect(registration.inputs).to.not.have.property("secondaryEndpoint");
    });

    it("does not throw on missing arguments or an entraId that is no object", async () => {
        const { registration } = await registered(recording, {
            primary: { endpoint: "https://primary.example", entraId: null },
            projectName: "faq",
        });
        expect(registration.inputs.primary).to.deep.equal({ endpoint: "https://primary.example", entraId: null });
        expect(registration.inputs).to.not.have.property("secondary");
        const tenant = await registered(
            recording,
            {
                ...valid,
                secondary: { endpoint: "https://s", entraId: "tenant" },
            },
            "tenant",
        );
        expect(tenant.registration.inputs.secondary.entraId).to.equal("tenant");
        const empty = new ReplicatedLanguageProject("empty", undefined as unknown as ReplicatedLanguageProjectArgs);
        expect(await resolve(empty.urn)).to.include("empty");
    });

    it("keeps the documents' connection string secret, and the gate's thresholds readable", async () => {
        const connectionString = "DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=c2VjcmV0LWtleQ==";
        const promotion = { minMicroF1: 0.8, parity: { minAgreement: 0.9, documents: { connectionString } } };
        const { registration } = await registered(recording, { ...valid, promotion }, "gated");
        expect(registration.inputs.promotion).to.deep.equal(promotion);
        expect(isWireSecret(registration.wire.promotion.parity.documents.connectionString)).to.equal(true);
        expect(isWireSecret(registration.wire.promotion.minMicroF1)).to.equal(false);
    });

    it("keeps both storage accounts' credentials secret, and the documents' settings readable", async () => {
        const documents = {
            copy: true,
            container: "replica-documents",
            source: { blobEndpoint: "https://docs.blob.core.windows.net", sasToken: "sv=2024-11-04&sig=c2lnbmF0dXJl" },
            target: {
                blobEndpoint: "https://replica.blob.core.windows.net",
                entraId: { tenantId: "contoso.onmicrosoft.com", clientId: "c", clientSecret: "a-client-secret" },
            },
        };
        const { registration } = await registered(recording, { ...valid, documents }, "texts");
        expect(registration.inputs.documents).to.deep.equal(documents);
        const wire = registration.wire.documents;
        expect(isWireSecret(wire.source.sasToken)).to.equal(true);
        expect(isWireSecret(wire.target.entraId.clientSecret)).to.equal(true);
        for (const readable of [wire.copy, wire.container, wire.source.blobEndpoint, wire.target.entraId.clientId]) {
            expect(isWireSecret(readable)).to.equal(false);
        }
        const pasted = await registered(recording, { ...valid, documents: { source: "AccountKey=pasted" } }, "pasted");
        expect(isWireSecret(pasted.registration.wire.documents.source)).to.equal(true);
    });
});
