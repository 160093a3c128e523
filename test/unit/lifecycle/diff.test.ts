import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { expect } from "chai";
import { diff } from "../../../provider/lifecycle/diff";
import { outputsOf } from "../../../provider/lifecycle/outputs";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import { withObservation } from "../../../provider/lifecycle/apply-replication";

const revision = {
    lastModifiedDateTime: "2026-11-20T10:00:00Z",
    contentHash: "sha256:a",
    items: { intents: 2 },
    changes: "first copy",
};
const news = {
    primary: { endpoint: "http://127.0.0.1:7070/primary", key: "p" },
    secondary: { endpoint: "http://127.0.0.1:7070/secondary", key: "s" },
    projectName: "faq",
    secondaryProjectName: "faq",
    projectKind: "Conversation",
    deploymentName: "prod",
    modelLabel: "prod",
    primaryRevision: revision,
    __provider: "shim",
};
const synced: ReplicaState = {
    secondary: news.secondary,
    secondaryEndpoint: "http://127.0.0.1:7070/secondary",
    projectName: "faq",
    secondaryProjectName: "faq",
    projectKind: "Conversation",
    apiVersion: "2023-04-01",
    deploymentName: "prod",
    modelLabel: "prod",
    onDelete: "delete",
    timeoutMinutes: { export: 15, import: 15, train: 240, deploy: 60, delete: 15, copy: 30, gate: 30 },
    polling: { initialIntervalMs: 1000, maxIntervalMs: 30000 },
    importedContentHash: "sha256:a",
    trainedFrom: {
        contentHash: "sha256:a",
        trainingSignature: '{"trainingConfigVersion":"latest","trainingMode":"standard"}',
    },
    secondaryProject: { projectName: "faq", language: "en-us", createdDateTime: "t", lastModifiedDateTime: "t" },
    trainedModel: {
        label: "prod",
        modelId: "prod-1",
        lastTrainedDateTime: "t",
        trainingDurationSeconds: 1,
        trainingConfigVersion: "2022-09-01",
        modelExpirationDate: "2027-01-01",
        evaluation: { status: "pending" },
    },
    deployment: {
        name: "prod",
        modelId: "prod-1",
        lastDeployedDateTime: "t",
        expirationDate: "2027-01-01",
        trainingConfigVersion: "2022-09-01",
    },
};
const state = synced as unknown as Record<string, unknown>;

describe("diff", () => {
    it("leaves an in-sync replica (trained before candidate labels) to the engine's input comparison", async () => {
        expect(await diff("id", state, news)).to.deep.equal({});
    });

    it("changes when the planner finds work, even with equal inputs, and shows the plan", async () => {
        const { deployment: _gone, ...drifted } = synced;
        const printed: string[] = [];
        const consoleLog = console.log;
        console.log = (line: string) => printed.push(line);
        try {
            expect(await diff("id", drifted as never, news)).to.deep.equal({ changes: true });
        } finally {
            console.log = consoleLog;
        }
        expect(printed).to.have.length(1);
        expect(printed[0]).to.match(/^\[faq -> faq\] plan: deploy \(/);
    });

    it("may replace while a replace-key is not known yet, and changes while any input is not", async () => {
        const unknownSecondary = { ...news, secondary: { endpoint: unknownValue, key: "s" } };
        expect(await diff("id", state, unknownSecondary)).to.deep.equal({ changes: true, replaces: ["secondary"] });
        const unknownProjects = { ...news, projectName: unknownValue, secondaryProjectName: unknownValue };
        expect(await diff("id", state, unknownProjects)).to.deep.equal({
            changes: true,
            replaces: ["secondaryProjectName", "projectName"],
        });
        const unknownPrimary = { ...news, primary: { endpoint: unknownValue, key: "p" } };
        expect(await diff("id", state, unknownPrimary)).to.deep.equal({ changes: true });
    });

    it("replaces a replica given another secondary project, keeping the old one until the new one exists", async () => {
        const renamed = { ...news, secondaryProjectName: "faq-copy" };
        expect(await diff("id", state, renamed)).to.deep.equal({
            changes: true,
            replaces: ["secondaryProjectName"],
            deleteBeforeReplace: false,
        });
    });

    it("replaces when the secondary resource changes, keeping the old replica until the new one exists", async () => {
        const moved = { ...news, secondary: { endpoint: "http://127.0.0.1:7070/tertiary", key: "t" } };
        expect(await diff("id", state, moved)).to.deep.equal({
            changes: true,
            replaces: ["secondary"],
            deleteBeforeReplace: false,
        });
    });

    it("deletes before replacing when the new replica takes the old one's place", async () => {
        const renamed = { ...news, projectName: "faq2" };
        expect(await diff("id", state, renamed)).to.deep.equal({
            changes: true,
            replaces: ["projectName"],
            deleteBeforeReplace: true,
        });
    });
});

describe("replica state", () => {
    it("never returns undefined values in outputs", () => {
        const outputs = outputsOf({ ...synced, lastSyncedAt: undefined, deployment: undefined }, {});
        expect(JSON.stringify(outputs)).not.to.include("undefined");
        expect(outputs).not.to.have.property("deployment");
    });

    it("keeps what the model trained before candidate labels was trained from, by its label", () => {
        const model = { label: "prod", modelId: "prod-1", lastTrainedDateTime: "t" };
        const seen = { project: { lastModifiedDateTime: "t" }, models: [model] } as never;
        const next = withObservation(synced, seen);
        expect(next.keptModels).to.deep.equal([{ ...model, trainedFrom: synced.trainedFrom }]);
        expect(next).not.to.have.property("trainedFrom");
    });

    it("forgets the imported content when the secondary project is gone, so it is imported again", () => {
        const next = withObservation(synced, {});
        expect(next).not.to.have.any.keys(
            "importedContentHash",
            "trainedFrom",
            "secondaryProject",
            "trainedModel",
            "deployment",
        );
    });
});
