import { expect } from "chai";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { HttpRequest } from "../../../provider/client/http-send";
import { check } from "../../../provider/lifecycle/check";
import { FakeClock } from "../../support/fake-clock";

const primaryKey = "0123456789abcdef0123456789abcdef";
const secondaryKey = "fedcba9876543210fedcba9876543210";

/** Valid inputs; the HTTP layer below refuses every request, so a check that sent one fails loudly. */
function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        primary: { endpoint: "http://127.0.0.1:9/primary", key: primaryKey },
        secondary: { endpoint: "http://127.0.0.1:9/secondary", key: secondaryKey },
        projectName: "faq",
        __provider: "serialized shim",
        ...overrides,
    };
}

/** Records requests and answers each with 404 ProjectNotFound: enough to tell validation passed. */
function notFoundEverywhere() {
    const requests: HttpRequest[] = [];
    const send = async (request: HttpRequest) => {
        requests.push(request);
        const error = { code: "ProjectNotFound", message: "The project could not be found." };
        return { status: 404, headers: {}, text: JSON.stringify({ error }) };
    };
    return { io: { send, clock: new FakeClock() }, requests };
}

async function failures(news: Record<string, unknown>) {
    const { io, requests } = notFoundEverywhere();
    const result = await check({}, news, io);
    expect(result.inputs, "an invalid input must not be observed").to.equal(undefined);
    expect(
        requests.map((r) => `${r.method} ${r.url}`),
        "requests sent for an invalid input",
    ).to.deep.equal([]);
    return result.failures ?? [];
}

async function reasonOf(news: Record<string, unknown>, property: string): Promise<string> {
    const found = await failures(news);
    const failure = found.find((f) => f.property === property);
    expect(failure, `a failure for ${property} in ${JSON.stringify(found)}`).to.not.equal(undefined);
    return failure!.reason;
}

describe("check: validation before any request", () => {
    it("names a misspelt option, suggesting the one meant", async () => {
        expect(await failures(inputs({ training: { trainingModes: "advanced" } }))).to.deep.equal([
            {
                property: "training.trainingModes",
                reason: '"trainingModes" is not an option here; did you mean "trainingMode"?',
            },
        ]);
        expect(await reasonOf(inputs({ timeout: { train: 5 } }), "timeout")).to.include(
            'did you mean "timeoutMinutes"',
        );
    });

    it("refuses extra fields inside primary and secondary, listing the options when none is close", async () => {
        const primary = { endpoint: "http://127.0.0.1:9/primary", apiKey: primaryKey, region: "westeurope" };
        const found = await failures(inputs({ primary }));
        expect(found.find((f) => f.property === "primary.apiKey")!.reason).to.include('did you mean "key"');
        expect(found.find((f) => f.property === "primary.region")!.reason).to.equal(
            '"region" is not an option here; the options are "endpoint", "key", "entraId"',
        );
        const keys = { endpoint: "http://127.0.0.1:9/secondary", keys: [secondaryKey] };
        expect(await reasonOf(inputs({ secondary: keys }), "secondary.keys")).to.include('did you mean "key"');
    });

    it("refuses outputs given as inputs, while the resource's undefined placeholders pass", async () => {
        const reason = await reasonOf(inputs({ deployment: { deploymentName: "production" } }), "deployment");
        expect(reason).to.include("is an output of ReplicatedLanguageProject");
        expect(await reasonOf(inputs({ lastSyncedAt: "2026-01-01T00:00:00Z" }), "lastSyncedAt")).to.include("output");
        expect(await reasonOf(inputs({ primaryRevision: {} }), "primaryRevision")).to.include("kept by the provider");

        const placeholders = { secondaryEndpoint: undefined, deployment: undefined, trainedModel: undefined };
        const { io, requests } = notFoundEverywhere();
        const result = await check({}, inputs(placeholders), io);
        expect(result.failures).to.deep.equal([
            {
                property: "projectName",
                reason: 'project "faq" was not found on the primary (127.0.0.1:9/primary) with api-version 2023-04-01',
            },
        ]);
        expect(requests).to.have.length(2);
    });

    it("says what is required, for empty arguments and a missing primary, without a TypeError", async () => {
        expect(await failures({ __provider: "shim" })).to.deep.equal([
            { property: "primary", reason: "is required" },
            { property: "secondary", reason: "is required" },
            { property: "projectName", reason: "is required" },
        ]);
        const { primary: _primary, ...missing } = inputs();
        expect(await failures(missing)).to.deep.equal([{ property: "primary", reason: "is required" }]);
    });

    it("says what shape entraId takes when it is null or a string", async () => {
        const shape = "must be an object { tenantId?, clientId?, clientSecret? }";
        const entra = (entraId: unknown) => inputs({ secondary: { endpoint: "http://127.0.0.1:9/s", entraId } });
        expect(await reasonOf(entra(null), "secondary.entraId")).to.equal(`${shape}, not null`);
        expect(await reasonOf(entra("tenant"), "secondary.entraId")).to.equal(`${shape}, not a string`);
    });

    it("requires clientId and tenantId with a clientSecret, naming the missing field", async () => {
        const secret = "Abc8Q~client.secret_value-123456";
        const found = await failures(
            inputs({ secondary: { endpoint: "http://127.0.0.1:9/s", entraId: { clientSecret: secret } } }),
        );
        expect(found).to.deep.equal([
            {
                property: "secondary.entraId.clientId",
                reason: "is required with clientSecret: the application (client) ID of the service principal",
            },
            {
                property: "secondary.entraId.tenantId",
                reason: "is required with clientSecret: the directory (tenant) ID of the service principal",
            },
        ]);
    });

    it("wants exactly one way to authenticate", async () => {
        const both = { endpoint: "http://127.0.0.1:9/secondary", key: secondaryKey, entraId: {} };
        expect(await failures(inputs({ secondary: both }))).to.deep.equal([
            { property: "secondary.key", reason: 'give exactly one of "key" or "entraId"' },
        ]);
    });

    it("refuses a key with a line break or blanks, never repeating it", async () => {
        for (const key of [`${primaryKey}\n`, ` ${primaryKey}`, "", "key with spaces inside"]) {
            const reason = await reasonOf(
                inputs({ primary: { endpoint: "http://127.0.0.1:9/p", key } }),
                "primary.key",
            );
            expect(reason, JSON.stringify(key)).to.match(/^the key /);
            if (key.length > 0) expect(reason).not.to.include(key.trim());
        }
    });

    it("refuses plain http off loopback and accepts localhost", async () => {
        const reason = await reasonOf(
            inputs({ primary: { endpoint: "http://contoso.cognitiveservices.azure.com", key: primaryKey } }),
            "primary.endpoint",
        );
        expect(reason).to.include("must use https");
        const { io, requests } = notFoundEverywhere();
        const local = inputs({ primary: { endpoint: "http://localhost:9/primary", key: primaryKey } });
        expect((await check({}, local, io)).failures![0]!.property).to.equal("projectName");
        expect(requests[0]!.url).to.match(/^http:\/\/localhost:9\/primary\//);
    });

    it("never repeats a secret pasted into the wrong field", async () => {
        const asEndpoint = await failures(inputs({ primary: { endpoint: primaryKey, key: primaryKey } }));
        expect(asEndpoint.map((f) => f.property)).to.include("primary.endpoint");
        // In the bracket form of the path: the engine prints the value of a failing top-level property.
        const asName = await failures(inputs({ projectName: secondaryKey }));
        expect(asName).to.deep.equal([
            { property: '["projectName"]', reason: "holds the value of secondary.key; a secret belongs only there" },
        ]);
        for (const failure of [...asEndpoint, ...asName]) {
            expect(JSON.stringify(failure)).not.to.include(primaryKey).and.not.to.include(secondaryKey);
        }
    });

    it("says what is wrong with a value of the wrong type, without the value", async () => {
        expect(await failures(inputs({ timeoutMinutes: { train: "10" } }))).to.deep.equal([
            { property: "timeoutMinutes.train", reason: "must be a number, not a string" },
        ]);
        expect(await reasonOf(inputs({ polling: { maxIntervalMs: Number.NaN } }), "polling.maxIntervalMs")).to.equal(
            "must be a number, not NaN",
        );
        expect(await reasonOf(inputs({ apiVersion: "2024-01-01" }), "apiVersion")).to.equal(
            'must be one of "2022-05-01", "2023-04-01", "2024-11-15-preview", "2025-05-15-preview", "2025-11-01", "2025-11-15-preview"',
        );
    });

    it("bounds timeouts, polling and rate limits", async () => {
        expect(await reasonOf(inputs({ timeoutMinutes: { train: 1e-9 } }), "timeoutMinutes.train")).to.equal(
            "must be at least 1/60 minute (1 second)",
        );
        expect(await reasonOf(inputs({ timeoutMinutes: { export: 1e12 } }), "timeoutMinutes.export")).to.equal(
            "must be at most 10080 minutes (7 days, the lifetime of the service's jobs)",
        );
        expect(await reasonOf(inputs({ polling: { maxIntervalMs: 1e15 } }), "polling.maxIntervalMs")).to.include(
            "at most 600000 ms",
        );
        expect(await failures(inputs({ polling: { initialIntervalMs: 5_000, maxIntervalMs: 1_000 } }))).to.deep.equal([
            {
                property: "polling.initialIntervalMs",
                reason: "is 5000 ms, more than maxIntervalMs (1000 ms); the first wait must not exceed the longest (defaults: 1000 and 30000)",
            },
        ]);
        const rates = { readsPerMinute: 1e12, writesPerMinute: 2.5 };
        const found = await failures(inputs({ rateLimits: rates }));
        expect(found.map((f) => f.property)).to.deep.equal(["rateLimits.readsPerMinute", "rateLimits.writesPerMinute"]);
        expect(found[1]!.reason).to.equal("must be a whole number of requests a minute");
    });

    it("checks the evaluation split: 1 to 99 each, summing to 100, none with manual", async () => {
        const evaluation = (options: Record<string, unknown>) => inputs({ training: { evaluation: options } });
        const split = (training: number, testing: number) =>
            evaluation({ trainingSplitPercentage: training, testingSplitPercentage: testing });
        expect(await reasonOf(split(100, 0), "training.evaluation.testingSplitPercentage")).to.equal(
            "must be at least 1 percent",
        );
        expect(await reasonOf(split(70, 20), "training.evaluation.testingSplitPercentage")).to.equal(
            "trainingSplitPercentage + testingSplitPercentage must be 100, got 90",
        );
        expect(
            await reasonOf(evaluation({ trainingSplitPercentage: 70 }), "training.evaluation.testingSplitPercentage"),
        ).to.include("is required with trainingSplitPercentage");
        const manual = evaluation({ kind: "manual", trainingSplitPercentage: 80, testingSplitPercentage: 20 });
        expect((await failures(manual)).map((f) => f.property)).to.deep.equal([
            "training.evaluation.trainingSplitPercentage",
            "training.evaluation.testingSplitPercentage",
        ]);
    });

    it("checks the shape of the training configuration version before any request", async () => {
        const training = (trainingConfigVersion: string) => inputs({ training: { trainingConfigVersion } });
        for (const version of ["not-a-version", "2022-13-01", "2022-9-1", " latest", ""]) {
            expect(await reasonOf(training(version), "training.trainingConfigVersion"), version).to.include(
                'must be "latest" or a training configuration version',
            );
        }
    });

    it("refuses names of dots only, which a URL would resolve to another path", async () => {
        const found = await failures(inputs({ projectName: "..", deploymentName: ".", modelLabel: "..." }));
        expect(found.map((f) => f.property)).to.deep.equal(["projectName", "deploymentName", "modelLabel"]);
        expect(found.every((f) => f.reason.includes("dots only"))).to.equal(true);
    });

    it("refuses the same resource as primary and secondary", async () => {
        const same = { endpoint: "http://127.0.0.1:9/primary/", key: secondaryKey };
        expect(await failures(inputs({ secondary: same }))).to.deep.equal([
            { property: "secondary.endpoint", reason: "must be a different Language resource than primary.endpoint" },
        ]);
    });

    it("refuses the same resource reached through two endpoints, told by its key", async () => {
        const regional = { endpoint: "http://127.0.0.1:9/regional", key: primaryKey };
        expect(await failures(inputs({ secondary: regional }))).to.deep.equal([
            { property: "secondary.endpoint", reason: "must be a different Language resource than primary.endpoint" },
        ]);
    });

    it("refuses an api-version the declared kind's family does not serve, before any request", async () => {
        expect(
            await failures(inputs({ projectKind: "CustomEntityRecognition", apiVersion: "2025-11-01" })),
        ).to.deep.equal([
            {
                property: "apiVersion",
                reason: "2025-11-01 is not an api-version of analyze-text (CustomEntityRecognition); use 2023-04-01",
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
        const news = inputs({ secondary: { endpoint: unknownValue, key: secondaryKey } });
        expect(await check({}, news, notFoundEverywhere().io)).to.deep.equal({ inputs: news });
    });

    it("passes inputs through during a preview when a valid-looking one is unknown, sending nothing", async () => {
        const news = inputs({ projectName: unknownValue });
        expect(await check({}, news, notFoundEverywhere().io)).to.deep.equal({ inputs: news });
    });

    it("still names a misspelt option beside unknown values", async () => {
        const news = inputs({ secondary: { endpoint: unknownValue, key: unknownValue, region: "westeurope" } });
        expect((await failures(news)).map((f) => f.property)).to.deep.equal(["secondary.region"]);
    });

    it("still refuses what is known to be wrong while other inputs are unknown", async () => {
        const news = inputs({ secondary: { endpoint: unknownValue, key: unknownValue }, deploymentName: ".." });
        expect((await failures(news)).map((f) => f.property)).to.deep.equal(["deploymentName"]);
    });
});
