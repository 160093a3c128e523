import { expect } from "chai";
import {
    checkedInputsSchema,
    primaryRevisionSchema,
    renewalSchema,
    replicationArgsSchema,
} from "../../../provider/lifecycle/inputs";
import { failuresFor, reasonsAt } from "../../support/schema-failures";

const required = {
    primary: { endpoint: "https://a.cognitiveservices.azure.com", key: "0123456789abcdef" },
    secondary: { endpoint: "https://b.cognitiveservices.azure.com", key: "fedcba9876543210" },
    projectName: "faq",
};
const args = (overrides: Record<string, unknown> = {}) => ({ ...required, ...overrides });

describe("replication inputs: what a user declares", () => {
    it("fills the defaults a user leaves out", () => {
        const parsed = replicationArgsSchema.parse(args());
        expect(parsed).to.deep.include({
            training: { trainingConfigVersion: "latest" },
            apiVersion: "2023-04-01",
            timeoutMinutes: { export: 15, import: 15, train: 240, deploy: 60, delete: 15, copy: 30, gate: 30 },
            onDelete: "delete",
            keepModels: 2,
            servingModel: "latest",
            expiryWarningDays: 30,
        });
        expect(parsed.polling).to.equal(undefined);
        expect(replicationArgsSchema.parse(args({ training: {} })).training).to.deep.equal({
            trainingConfigVersion: "latest",
        });
        expect(replicationArgsSchema.parse(args({ timeoutMinutes: { train: 5 } })).timeoutMinutes.export).to.equal(15);
    });

    it("polls from 1 s up to 30 s when polling is given empty", () => {
        expect(replicationArgsSchema.parse(args({ polling: {} })).polling).to.deep.equal({
            initialIntervalMs: 1_000,
            maxIntervalMs: 30_000,
        });
    });

    it("lets the first poll wait as long as the longest, not longer", () => {
        const polling = (initialIntervalMs: number, maxIntervalMs: number) =>
            failuresFor(replicationArgsSchema, args({ polling: { initialIntervalMs, maxIntervalMs } }));
        expect(polling(2_000, 2_000)).to.deep.equal([]);
        expect(polling(10, 600_000)).to.deep.equal([]);
        expect(polling(60_000, 60_000)).to.deep.equal([]);
        // At the ends of their ranges the intervals are still compared.
        expect(polling(20, 10).map((failure) => failure.property)).to.deep.equal(["polling.initialIntervalMs"]);
        expect(polling(60_000, 50_000).map((failure) => failure.property)).to.deep.equal(["polling.initialIntervalMs"]);
        expect(polling(2_001, 2_000)).to.deep.equal([
            {
                property: "polling.initialIntervalMs",
                reason: "is 2001 ms, more than maxIntervalMs (2000 ms); the first wait must not exceed the longest (defaults: 1000 and 30000)",
            },
        ]);
    });

    it("does not compare polling intervals that already failed their own range", () => {
        for (const [initial, max] of [
            [60_001, 10],
            [50_000, 9],
            [5, 1],
            [20_000.5, 10_000],
            [20_000, 700_000],
            [20_000, 10_000.5],
        ] as const) {
            const found = failuresFor(
                replicationArgsSchema,
                args({ polling: { initialIntervalMs: initial, maxIntervalMs: max } }),
            );
            expect(
                found.filter((failure) => failure.reason.includes("more than maxIntervalMs")),
                `${initial} / ${max}`,
            ).to.deep.equal([]);
            expect(found, `${initial} / ${max}`).to.not.deep.equal([]);
        }
    });

    it("says why a rate limit is out of range, per minute", () => {
        expect(
            reasonsAt(
                replicationArgsSchema,
                args({ rateLimits: { readsPerMinute: 0, writesPerMinute: 1 } }),
                "rateLimits.readsPerMinute",
            ),
        ).to.deep.equal(["must be at least 1 request a minute"]);
        expect(
            reasonsAt(
                replicationArgsSchema,
                args({ rateLimits: { readsPerMinute: 1, writesPerMinute: 10_001 } }),
                "rateLimits.writesPerMinute",
            ),
        ).to.deep.equal([
            "must be at most 10000 requests a minute (100 times the service's documented 100 GET a minute)",
        ]);
    });

    it("bounds the models kept and the expiry warning, in their units", () => {
        expect(reasonsAt(replicationArgsSchema, args({ keepModels: 11 }), "keepModels")).to.deep.equal([
            "must be at most 10 models (the service keeps at most 10 trained models per project)",
        ]);
        expect(reasonsAt(replicationArgsSchema, args({ keepModels: 2.5 }), "keepModels")).to.deep.equal([
            "must be a whole number of models",
        ]);
        expect(reasonsAt(replicationArgsSchema, args({ keepModels: 0 }), "keepModels")).to.deep.equal([
            "must be at least 1 model",
        ]);
        expect(reasonsAt(replicationArgsSchema, args({ expiryWarningDays: 366 }), "expiryWarningDays")).to.deep.equal([
            "must be at most 365 days (deployments expire a year after their training configuration)",
        ]);
        expect(reasonsAt(replicationArgsSchema, args({ expiryWarningDays: 1.5 }), "expiryWarningDays")).to.deep.equal([
            "must be a whole number of days",
        ]);
        expect(failuresFor(replicationArgsSchema, args({ expiryWarningDays: 0, keepModels: 10 }))).to.deep.equal([]);
    });

    it("takes a training configuration version as the service lists them", () => {
        for (const version of [
            "latest",
            "2022-09-01",
            "2025-05-15-preview-ConvLevel",
            "2024-12-31",
            "2024-10-29",
            "2024-02-10",
        ]) {
            expect(
                failuresFor(replicationArgsSchema, args({ training: { trainingConfigVersion: version } })),
                version,
            ).to.deep.equal([]);
        }
    });

    it("refuses a version of another shape, saying what one looks like", () => {
        const reason =
            'must be "latest" or a training configuration version such as "2022-09-01" (the secondary lists its own)';
        for (const version of [
            "latest-1",
            "xlatest",
            "2022-00-01",
            "2022-09-00",
            "2022-09-32",
            "2022-09-01-",
            "2022-09-01 ",
            "22-09-01",
            "2022-09-01-a_b",
            "12022-09-01",
        ]) {
            expect(
                reasonsAt(
                    replicationArgsSchema,
                    args({ training: { trainingConfigVersion: version } }),
                    "training.trainingConfigVersion",
                ),
                version,
            ).to.deep.equal([reason]);
        }
    });

    it("refuses a training mode or delete behaviour it does not know", () => {
        expect(
            reasonsAt(replicationArgsSchema, args({ training: { trainingMode: "fast" } }), "training.trainingMode"),
        ).to.deep.equal(['must be one of "standard", "advanced"']);
        expect(reasonsAt(replicationArgsSchema, args({ onDelete: "keep" }), "onDelete")).to.deep.equal([
            'must be one of "delete", "retain"',
        ]);
    });

    it("says what is wrong with each name in the contract's words", () => {
        const named = args({
            projectName: "my faq",
            secondaryProjectName: "",
            deploymentName: "a".repeat(51),
            modelLabel: "x/y",
        });
        expect(failuresFor(replicationArgsSchema, named)).to.deep.equal([
            {
                property: "projectName",
                reason: 'project name "my faq" may contain only letters a-z and A-Z, digits, "_", "." and "-" (no spaces); " " is not allowed',
            },
            { property: "secondaryProjectName", reason: "project name must not be empty" },
            { property: "deploymentName", reason: "deployment name is 51 characters long; the maximum is 50" },
            {
                property: "modelLabel",
                reason: 'model label "x/y" may contain only letters a-z and A-Z, digits, "_", "." and "-" (no spaces); "/" is not allowed',
            },
        ]);
    });
});

describe("replication inputs: what check adds", () => {
    const checked = {
        ...required,
        secondaryProjectName: "faq",
        projectKind: "Conversation",
        deploymentName: "production",
        modelLabel: "production",
        primaryRevision: { lastModifiedDateTime: "2026-11-20T10:00:00Z", changes: "" },
    };

    it("requires the kind, names and the primary's revision", () => {
        expect(checkedInputsSchema.safeParse(checked).success).to.equal(true);
        for (const field of [
            "secondaryProjectName",
            "projectKind",
            "deploymentName",
            "modelLabel",
            "primaryRevision",
        ]) {
            const { [field]: _omitted, ...without } = checked as Record<string, unknown>;
            expect(checkedInputsSchema.safeParse(without).success, field).to.equal(false);
        }
    });

    it("takes a revision with its hash, item counts and documents, and nothing else", () => {
        const revision = {
            lastModifiedDateTime: "2026-11-20T10:00:00Z",
            contentHash: "sha256:abc",
            items: { intents: 3 },
            changes: "1 intent added",
            documents: { container: "docs", contents: { "a.txt": "0x1" } },
        };
        expect(primaryRevisionSchema.parse(revision)).to.deep.equal(revision);
        expect(primaryRevisionSchema.safeParse({ ...revision, extra: 1 }).success).to.equal(false);
        expect(primaryRevisionSchema.safeParse({ lastModifiedDateTime: "x" }).success).to.equal(false);
    });

    it("takes a renewal with its reason, the version optional", () => {
        expect(renewalSchema.safeParse({ reason: "expires soon" }).success).to.equal(true);
        expect(renewalSchema.safeParse({ trainingConfigVersion: "2026-06-01" }).success).to.equal(false);
    });
});
