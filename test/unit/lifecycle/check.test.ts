import { expect } from "chai";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { check } from "../../../provider/lifecycle/check";

/** Valid inputs on endpoints nothing listens on: a check that sent a request would fail loudly. */
function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        primary: { endpoint: "http://127.0.0.1:9/primary", key: "primary-key" },
        secondary: { endpoint: "http://127.0.0.1:9/secondary", key: "secondary-key" },
        projectName: "faq",
        __provider: "serialized shim",
        ...overrides,
    };
}

async function failures(news: Record<string, unknown>) {
    const result = await check({}, news);
    expect(result.inputs, "an invalid input must not be observed").to.equal(undefined);
    return result.failures ?? [];
}

describe("check", () => {
    it("names a misspelt option and does not observe", async () => {
        expect(await failures(inputs({ training: { trainingModes: "advanced" } }))).to.deep.equal([
            { property: "training.trainingModes", reason: '"trainingModes" is not an option here; check the spelling' },
        ]);
    });

    it("requires the project name", async () => {
        const { projectName: _name, ...missing } = inputs();
        expect(await failures(missing)).to.deep.equal([{ property: "projectName", reason: "is required" }]);
    });

    it("refuses plain http off loopback, naming the endpoint field", async () => {
        const [failure] = await failures(
            inputs({ primary: { endpoint: "http://contoso.cognitiveservices.azure.com", key: "k" } }),
        );
        expect(failure!.property).to.equal("primary.endpoint");
        expect(failure!.reason).to.include("must use https");
    });

    it("wants exactly one way to authenticate", async () => {
        const both = { endpoint: "http://127.0.0.1:9/secondary", key: "k", entraId: {} };
        expect(await failures(inputs({ secondary: both }))).to.deep.equal([
            { property: "secondary.key", reason: 'give exactly one of "key" or "entraId"' },
        ]);
    });

    it("refuses the same resource as primary and secondary", async () => {
        const same = { endpoint: "http://127.0.0.1:9/primary/", key: "k" };
        expect(await failures(inputs({ secondary: same }))).to.deep.equal([
            { property: "secondary.endpoint", reason: "must be a different Language resource than primary.endpoint" },
        ]);
    });

    it("refuses the same resource reached through two endpoints, told by its key", async () => {
        const regional = { endpoint: "http://127.0.0.1:9/regional", key: "primary-key" };
        expect(await failures(inputs({ secondary: regional }))).to.deep.equal([
            { property: "secondary.endpoint", reason: "must be a different Language resource than primary.endpoint" },
        ]);
    });

    it("says what is wrong with a value of the wrong type", async () => {
        const [failure] = await failures(inputs({ timeoutMinutes: { train: "10" } }));
        expect(failure).to.deep.equal({
            property: "timeoutMinutes.train",
            reason: "Invalid input: expected number, received string",
        });
    });

    it("checks the evaluation split and the names", async () => {
        const found = await failures(
            inputs({
                deploymentName: "my deployment",
                training: { evaluation: { trainingSplitPercentage: 70, testingSplitPercentage: 20 } },
            }),
        );
        expect(found.map((failure) => failure.property).sort()).to.deep.equal([
            "deploymentName",
            "training.evaluation.testingSplitPercentage",
        ]);
        expect(found.find((f) => f.property === "deploymentName")!.reason).to.include("no spaces");
    });

    it("refuses an api-version the declared kind's family does not serve, before any request", async () => {
        expect(
            await failures(inputs({ projectKind: "CustomEntityRecognition", apiVersion: "2025-11-01" })),
        ).to.deep.equal([
            {
                property: "apiVersion",
                reason: "2025-11-01 is not a stable api-version of analyze-text (CustomEntityRecognition); use 2023-04-01",
            },
        ]);
        expect(
            await failures(
                inputs({ projectKind: "CustomSingleLabelClassification", training: { trainingMode: "advanced" } }),
            ),
        ).to.deep.equal([
            {
                property: "training.trainingMode",
                reason: "applies to Conversation and Orchestration projects only; remove it for CustomSingleLabelClassification",
            },
        ]);
    });

    it("passes unknown inputs through during a preview, observing nothing", async () => {
        const news = inputs({ secondary: { endpoint: unknownValue, key: "k" } });
        expect(await check({}, news)).to.deep.equal({ inputs: news });
    });
});
