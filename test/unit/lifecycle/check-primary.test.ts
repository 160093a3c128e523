import { expect } from "chai";
import { check } from "../../../provider/lifecycle/check";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";
import { deployment, notFound, project, versions } from "../../support/service-answers";

const primaryKey = "0123456789abcdef0123456789abcdef";
const secondaryKey = "fedcba9876543210fedcba9876543210";
const storage = "DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=c2VjcmV0a2V5";

const news = (overrides: Record<string, unknown> = {}) => ({
    primary: { endpoint: "https://primary.example", key: primaryKey },
    secondary: { endpoint: "https://secondary.example", key: secondaryKey },
    projectName: "faq",
    ...overrides,
});

/** The primary's deployments, each serving like `deployment` under its own name. */
const deployments = (...names: string[]) => ({
    status: 200,
    json: {
        value: names.map((deploymentName) => ({ ...deployment("2027-08-26", "2022-09-01").json, deploymentName })),
    },
});

async function run(
    inputs: Record<string, unknown>,
    previous: Record<string, unknown>,
    ...script: Parameters<typeof scriptedSend>
) {
    const http = scriptedSend(...script);
    const result = await check(previous, inputs, { send: http.send, clock: new FakeClock() });
    const requests = http.requests.map((request) => `${request.method} ${request.url.split("?")[0]}`);
    expect(http.remaining(), "scripted answers left unasked").to.equal(0);
    return { result, requests };
}

describe("check: the primary project's kind", () => {
    it("says a declared kind was not found, naming the primary", async () => {
        const { result, requests } = await run(news({ projectKind: "Orchestration" }), {}, notFound);
        expect(result.failures).to.deep.equal([
            {
                property: "projectName",
                reason: 'project "faq" was not found on the primary (primary.example) as a Orchestration project',
            },
        ]);
        expect(requests).to.deep.equal([
            "GET https://primary.example/language/authoring/analyze-conversations/projects/faq",
        ]);
    });

    it("goes on with a declared kind the primary project has", async () => {
        const { result } = await run(
            news({ projectKind: "Orchestration", deploymentName: "production" }),
            {},
            project("Orchestration"),
            versions(),
            notFound,
        );
        expect(result.failures).to.equal(undefined);
        expect(result.inputs).to.deep.include({ projectKind: "Orchestration" });
    });

    it("lets a text project have documents and parity documents", async () => {
        const documents = { copy: false, source: { connectionString: storage } };
        const promotion = { parity: { documents: { connectionString: storage } } };
        const inputs = news({ projectKind: "CustomEntityRecognition", documents, promotion });
        const { result } = await run(inputs, {}, notFound);
        expect(result.failures!.map((failure) => failure.property)).to.deep.equal(["projectName"]);
    });

    it("refuses a declared kind the primary project does not have", async () => {
        const { result } = await run(news({ projectKind: "Conversation" }), {}, project("Orchestration"));
        expect(result.failures).to.deep.equal([
            { property: "projectKind", reason: "is Conversation, but the primary project is a Orchestration project" },
        ]);
    });

    it("looks for text projects after conversation ones, and checks the options against the kind found", async () => {
        const inputs = news({ training: { trainingMode: "advanced" } });
        const { result, requests } = await run(inputs, {}, notFound, project("CustomEntityRecognition"));
        expect(result.failures).to.deep.equal([
            {
                property: "training.trainingMode",
                reason: "applies to Conversation and Orchestration projects only; remove it for CustomEntityRecognition",
            },
        ]);
        expect(requests).to.deep.equal([
            "GET https://primary.example/language/authoring/analyze-conversations/projects/faq",
            "GET https://primary.example/language/authoring/analyze-text/projects/faq",
        ]);
    });

    it("asks the family of the kind seen last time first", async () => {
        const earlier = { ...news(), projectKind: "CustomEntityRecognition" };
        const inputs = news({ promotion: { parity: {} } });
        const { requests } = await run(inputs, earlier, project("CustomEntityRecognition"));
        expect(requests).to.deep.equal(["GET https://primary.example/language/authoring/analyze-text/projects/faq"]);
    });

    it("wants the documents' storage for a text project's parity probe", async () => {
        const inputs = news({ projectKind: "CustomSingleLabelClassification", promotion: { parity: {} } });
        const { result, requests } = await run(inputs, {});
        expect(result.failures).to.deep.equal([
            {
                property: "promotion.parity.documents",
                reason: "is required for CustomSingleLabelClassification projects: the parity probe reads the documents it sends from their storage account; give { connectionString }",
            },
        ]);
        expect(requests).to.deep.equal([]);
    });

    it("refuses document options for a conversation project, telling to remove them", async () => {
        const documents = { copy: false, source: { connectionString: storage } };
        const { result } = await run(news({ projectKind: "Conversation", documents }), {});
        // In the bracket form: the engine would print the value of documents, which holds a secret.
        expect(result.failures).to.deep.equal([
            {
                property: '["documents"]',
                reason: "applies to custom text projects only (their labels name documents in storage); remove it for Conversation",
            },
        ]);
        const parity = { parity: { documents: { connectionString: storage } } };
        const { result: probed } = await run(news({ projectKind: "Orchestration", promotion: parity }), {});
        expect(probed.failures).to.deep.equal([
            {
                property: "promotion.parity.documents",
                reason: "applies to text projects only; Orchestration projects send their own utterances",
            },
        ]);
    });
});

describe("check: the deployment to mirror", () => {
    it("mirrors the primary's only deployment and labels models after it", async () => {
        const { result, requests } = await run(
            news(),
            {},
            project("Conversation"),
            versions(),
            deployments("production"),
            notFound,
        );
        expect(result.failures).to.equal(undefined);
        expect(result.inputs).to.deep.include({
            projectKind: "Conversation",
            secondaryProjectName: "faq",
            deploymentName: "production",
            modelLabel: "production",
        });
        expect(requests).to.include(
            "GET https://primary.example/language/authoring/analyze-conversations/projects/faq/deployments",
        );
    });

    it("asks for deploymentName when the primary has no deployment, or several", async () => {
        const none = await run(news(), {}, project("Conversation"), versions(), deployments());
        expect(none.result.failures).to.deep.equal([
            {
                property: "deploymentName",
                reason: 'the primary project "faq" has no deployment to mirror; set deploymentName',
            },
        ]);
        const two = await run(news(), {}, project("Conversation"), versions(), deployments("a", "b"));
        expect(two.result.failures![0]!.property).to.equal("deploymentName");
        expect(two.result.failures![0]!.reason).to.include('"a", "b"');
    });

    it("keeps the deployment and label resolved earlier for the same project, without asking again", async () => {
        const earlier = { ...news(), projectKind: "Conversation", deploymentName: "first", modelLabel: "label-1" };
        const { result, requests } = await run(news(), earlier, project("Conversation"), versions(), notFound);
        expect(result.inputs).to.deep.include({ deploymentName: "first", modelLabel: "label-1" });
        expect(requests.some((request) => request.endsWith("/deployments"))).to.equal(false);
    });

    const notReusable = {
        "when the last check recorded no name": { projectKind: "Conversation", deploymentName: 42, modelLabel: 42 },
        "for another project": { projectName: "other", deploymentName: "first", modelLabel: "label-1" },
    };
    for (const [when, recorded] of Object.entries(notReusable)) {
        it(`resolves them again ${when}`, async () => {
            const { result } = await run(
                news(),
                { ...news(), ...recorded },
                project("Conversation"),
                versions(),
                deployments("production"),
                notFound,
            );
            expect(result.inputs).to.deep.include({ deploymentName: "production", modelLabel: "production" });
        });
    }

    it("keeps a declared label and replica name", async () => {
        const inputs = news({ deploymentName: "production", modelLabel: "mine", secondaryProjectName: "faq-copy" });
        const { result, requests } = await run(inputs, {}, project("Conversation"), versions(), notFound);
        expect(result.inputs).to.deep.include({ modelLabel: "mine", secondaryProjectName: "faq-copy" });
        expect(requests).to.include(
            "GET https://secondary.example/language/authoring/analyze-conversations/projects/faq-copy/deployments/production",
        );
    });
});
