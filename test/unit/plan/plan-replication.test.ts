import { expect } from "chai";
import type { ModelIdentity } from "../../../provider/plan/model-identity";
import {
    type DesiredReplica,
    type KeptModel,
    planReplication,
    type ReplicaFacts,
} from "../../../provider/plan/plan-replication";

const identity: ModelIdentity = { contentHash: "sha256:new", trainingSignature: "options-1" };
const older: ModelIdentity = { contentHash: "sha256:old", trainingSignature: "options-1" };

const model = (label: string, modelId: string, trainedFrom?: ModelIdentity): KeptModel => ({
    label,
    modelId,
    lastTrainedDateTime: "2026-11-20T10:00:00Z",
    ...(trainedFrom && { trainedFrom }),
});

const desired: DesiredReplica = {
    contentHash: "sha256:new",
    identity,
    modelLabel: "prod",
    candidateLabel: "prod-0000000a",
    deploymentName: "prod",
    serve: { kind: "latest" },
    keepModels: 2,
};
const gate = { stagingDeploymentName: "prod-staging", thresholds: "microF1 >= 0.80", mode: "enforce" as const };

/** Serving the candidate of the content asked for; the model before it kept as the previous one. */
const inSync: ReplicaFacts = {
    projectExists: true,
    importedContentHash: "sha256:new",
    models: [model("prod-0000000a", "m2", identity), model("prod-0000000b", "m1", older)],
    serving: { name: "prod", modelId: "m2" },
    previousLabel: "prod-0000000b",
    rejected: [],
};

/** The desired replica after the primary's content changed. */
const newContent: Partial<DesiredReplica> = {
    contentHash: "sha256:newer",
    identity: { ...identity, contentHash: "sha256:newer" },
    candidateLabel: "prod-0000000c",
};

/** Observed facts (as changes to an in-sync replica) and desired changes -> the steps planned. */
const table: { when: string; facts?: Partial<ReplicaFacts>; desired?: Partial<DesiredReplica>; steps: string[] }[] = [
    { when: "the replica is in sync", steps: [] },
    {
        when: "the secondary project does not exist",
        facts: { projectExists: false, importedContentHash: undefined, models: [], serving: undefined },
        steps: ["import", "train", "deploy"],
    },
    { when: "the primary's content changed", desired: newContent, steps: ["import", "train", "deploy", "prune"] },
    {
        when: "the secondary was edited after the import (its model still fits the primary)",
        facts: { secondaryEdited: true },
        steps: ["import"],
    },
    {
        when: "the training options changed",
        desired: { identity: { ...identity, trainingSignature: "options-2" }, candidateLabel: "prod-0000000d" },
        steps: ["train", "deploy", "prune"],
    },
    {
        when: "the retrainToken changed",
        desired: { identity: { ...identity, retrainToken: "2026-12" }, candidateLabel: "prod-0000000e" },
        steps: ["train", "deploy", "prune"],
    },
    {
        when: "the candidate was deleted",
        facts: { models: [model("prod-0000000b", "m1", older)] },
        steps: ["train", "deploy"],
    },
    {
        when: "the content went back to a kept model's",
        desired: { contentHash: "sha256:old", identity: older, candidateLabel: "prod-0000000b" },
        steps: ["import", "deploy"],
    },
    {
        when: "the model was trained before candidate labels, from this content",
        facts: {
            models: [model("prod", "m0", identity)],
            serving: { name: "prod", modelId: "m0" },
            previousLabel: undefined,
        },
        steps: [],
    },
    { when: "the deployment was deleted", facts: { serving: undefined }, steps: ["deploy"] },
    { when: "the deployment name changed", desired: { deploymentName: "production" }, steps: ["deploy"] },
    {
        when: "the deployment serves another model",
        facts: { serving: { name: "prod", modelId: "m1" } },
        steps: ["deploy"],
    },
    {
        when: "more models are kept than asked for",
        facts: { models: [...inSync.models, model("prod-0000000f", "m0", older)] },
        steps: ["prune"],
    },
    { when: "the gate is added to a replica in sync", desired: { gate }, steps: [] },
    {
        when: "a replica with a gate is created",
        desired: { gate },
        facts: { projectExists: false, importedContentHash: undefined, models: [], serving: undefined },
        steps: ["import", "train", "stage", "promote"],
    },
    {
        when: "the primary's content changed, with a gate",
        desired: { ...newContent, gate },
        facts: { staging: { name: "prod-staging", modelId: "m1" } },
        steps: ["import", "train", "stage", "promote", "prune"],
    },
    {
        when: "a candidate is staged but a killed run never promoted it",
        desired: { gate },
        facts: { serving: { name: "prod", modelId: "m1" }, staging: { name: "prod-staging", modelId: "m2" } },
        steps: ["promote"],
    },
    {
        when: "the candidate was rejected by the gate",
        desired: { ...newContent, gate },
        facts: {
            models: [model("prod-0000000c", "m3", newContent.identity), ...inSync.models],
            staging: { name: "prod-staging", modelId: "m3" },
            rejected: [{ label: "prod-0000000c", verdict: "microF1 0.10 < 0.80" }],
            importedContentHash: "sha256:newer",
        },
        steps: ["promote"],
    },
    {
        when: "a rejected candidate meets a gate in warn mode",
        desired: { ...newContent, gate: { ...gate, mode: "warn" } },
        facts: {
            models: [model("prod-0000000c", "m3", newContent.identity), ...inSync.models],
            staging: { name: "prod-staging", modelId: "m3" },
            rejected: [{ label: "prod-0000000c", verdict: "microF1 0.10 < 0.80" }],
            importedContentHash: "sha256:newer",
        },
        steps: ["promote", "prune"],
    },
    {
        when: "a rollback finds the previous model in staging",
        desired: { gate, serve: { kind: "previous" } },
        facts: { staging: { name: "prod-staging", modelId: "m1" } },
        steps: ["swap"],
    },
    { when: "a rollback without a gate", desired: { serve: { kind: "previous" } }, steps: ["deploy"] },
    {
        when: "a rollback was applied and stays asked for",
        desired: { serve: { kind: "previous" } },
        facts: {
            serving: { name: "prod", modelId: "m1" },
            previousLabel: "prod-0000000a",
            pin: { request: "previous", label: "prod-0000000b" },
        },
        steps: [],
    },
    {
        when: "a rollback while the primary moved on: imported, never trained",
        desired: { ...newContent, serve: { kind: "previous" } },
        steps: ["import", "deploy"],
    },
    {
        when: "servingModel names a kept model",
        desired: { serve: { kind: "label", label: "prod-0000000b" } },
        steps: ["deploy"],
    },
];

describe("planReplication", () => {
    for (const row of table) {
        it(`plans [${row.steps.join(", ")}] when ${row.when}`, () => {
            const steps = planReplication({ ...desired, ...row.desired }, { ...inSync, ...row.facts });
            expect(steps.map((step) => step.name)).to.deep.equal(row.steps);
        });
    }

    it("gives each step a reason a reviewer can read", () => {
        const steps = planReplication(
            { ...desired, ...newContent, contentHash: "sha256:0123456789abcdef", gate },
            { ...inSync, importedContentHash: "sha256:fedcba9876543210" },
        );
        expect(steps.map((step) => `${step.name}: ${step.reason}`)).to.deep.equal([
            "import: the primary's content changed (fedcba987654 -> 0123456789ab)",
            "train: the imported content must be trained: candidate prod-0000000c",
            'stage: candidate prod-0000000c is deployed to "prod-staging" to be checked',
            'promote: candidate prod-0000000c replaces prod-0000000a in "prod" if it passes the gate (microF1 >= 0.80)',
            "prune: 2 models are kept: prod-0000000b go",
        ]);
    });

    it("says why a new candidate is trained when nothing was imported", () => {
        const [train] = planReplication(
            { ...desired, identity: { ...identity, retrainToken: "b" }, candidateLabel: "prod-0000000e" },
            { ...inSync, models: [model("prod-0000000a", "m2", { ...identity, retrainToken: "a" })] },
        );
        expect(train).to.include({
            name: "train",
            reason: 'retrainToken changed ("a" -> "b"): candidate prod-0000000e',
        });
    });

    it("blocks a rejected candidate with the gate's verdict, and trains nothing", () => {
        const steps = planReplication(
            { ...desired, ...newContent, gate },
            {
                ...inSync,
                importedContentHash: "sha256:newer",
                rejected: [{ label: "prod-0000000c", verdict: "microF1 0.10 < 0.80" }],
            },
        );
        expect(steps).to.have.length(1);
        expect(steps[0]).to.include({ name: "promote", blocked: true });
        expect(steps[0]!.reason).to.match(
            /^the gate rejected candidate prod-0000000c \(microF1 0\.10 < 0\.80\); "prod" keeps serving prod-0000000a\. It is not trained again/,
        );
    });

    it("blocks a rollback with nothing to roll back to, or to a model not kept", () => {
        const [none] = planReplication(
            { ...desired, serve: { kind: "previous" } },
            { ...inSync, previousLabel: undefined },
        );
        expect(none).to.include({ name: "deploy", blocked: true });
        expect(none!.reason).to.equal('servingModel is "previous", but no model served before the current one');
        const [missing] = planReplication({ ...desired, serve: { kind: "label", label: "prod-gone" } }, inSync);
        expect(missing!.reason).to.equal(
            'servingModel asks for model "prod-gone", which is not kept on the secondary (kept: prod-0000000a, prod-0000000b)',
        );
    });

    it("rolls back by swapping when staging holds the previous model, without training", () => {
        const steps = planReplication(
            { ...desired, gate, serve: { kind: "previous" } },
            { ...inSync, staging: { name: "prod-staging", modelId: "m1" } },
        );
        expect(steps).to.deep.equal([
            {
                name: "swap",
                label: "prod-0000000b",
                reason: 'servingModel is "previous": prod-0000000b serves again, without training ("prod-staging" holds it, so the deployments swap)',
            },
        ]);
    });

    it("never prunes a model a deployment serves, the previous one or a pinned one", () => {
        const models = [1, 2, 3, 4, 5].map((n) => model(`prod-1000000${n}`, `m${n}`, older));
        const steps = planReplication(
            { ...desired, keepModels: 1, serve: { kind: "label", label: "prod-10000005" } },
            {
                ...inSync,
                models: [model("prod-0000000a", "m0", identity), ...models],
                serving: { name: "prod", modelId: "m5" },
                staging: { name: "prod-staging", modelId: "m2" },
                previousLabel: "prod-10000003",
            },
        );
        expect(steps.find((step) => step.name === "prune")?.labels).to.deep.equal(["prod-10000001", "prod-10000004"]);
    });
});

describe("planReplication: a text project's documents copied to the secondary's storage", () => {
    const contents = { "movies/plot-01.txt": "md5:1", "movies/plot-04.txt": "md5:4" };
    const withDocuments = (documents: Record<string, string>) => ({
        ...identity,
        documents: `sha256:${JSON.stringify(documents)}`,
    });
    const synced: DesiredReplica = {
        ...desired,
        identity: withDocuments(contents),
        documents: { container: "documents", sourceContainer: "documents", contents },
    };
    const held: ReplicaFacts = {
        ...inSync,
        models: [model("prod-0000000a", "m2", withDocuments(contents)), model("prod-0000000b", "m1", older)],
        inputContainer: "documents",
        documents: { container: "documents", held: contents },
    };
    const plan = (want: Partial<DesiredReplica>, facts: Partial<ReplicaFacts> = {}) =>
        planReplication({ ...synced, ...want }, { ...held, ...facts }).map((step) => `${step.name}: ${step.reason}`);

    it("plans nothing when the secondary holds every document", () => {
        expect(plan({})).to.deep.equal([]);
    });

    it("copies a text changed on the primary before training a candidate of it, importing nothing", () => {
        const changed = { ...contents, "movies/plot-04.txt": "md5:5" };
        const steps = plan({
            identity: withDocuments(changed),
            candidateLabel: "prod-0000000d",
            documents: { ...synced.documents!, contents: changed },
        });
        expect(steps).to.deep.equal([
            "copy: 1 document changed on the primary (movies/plot-04.txt)",
            `train: the documents' texts changed (${withDocuments(contents).documents.slice(7, 19)} -> ${withDocuments(changed).documents.slice(7, 19)}): candidate prod-0000000d`,
            "deploy: the new model must be deployed: prod-0000000d",
            "prune: 2 models are kept: prod-0000000b go",
        ]);
    });

    it("restores a document deleted on the secondary, training nothing", () => {
        const steps = plan(
            {},
            { documents: { container: "documents", held: { ...contents, "movies/plot-04.txt": "missing" } } },
        );
        expect(steps).to.deep.equal(["copy: 1 document missing on the secondary (movies/plot-04.txt)"]);
    });

    it("copies every document into a new container, and imports the replica to read it there", () => {
        const steps = plan({ documents: { ...synced.documents!, container: "replica-documents" } });
        expect(steps).to.deep.equal([
            "copy: 2 documents not copied yet (movies/plot-01.txt, movies/plot-04.txt)",
            'import: the secondary project reads its documents from container "documents", not "replica-documents"',
        ]);
    });

    it("takes a replica imported before its documents were copied to read the primary's container name", () => {
        const steps = plan(
            { documents: { ...synced.documents!, container: "replica-documents" } },
            { inputContainer: undefined, documents: undefined },
        );
        expect(steps.map((step) => step.split(":")[0])).to.deep.equal(["copy", "import"]);
    });

    it("does not copy a document the primary's container lacks", () => {
        const lacking = { ...contents, "movies/plot-09.txt": "missing" };
        expect(plan({ documents: { ...synced.documents!, contents: lacking } })).to.deep.equal([]);
    });

    it("first copies the documents, then imports, trains and deploys a new replica", () => {
        const steps = planReplication(synced, {
            projectExists: false,
            models: [],
            rejected: [],
        });
        expect(steps.map((step) => step.name)).to.deep.equal(["copy", "import", "train", "deploy"]);
    });
});
