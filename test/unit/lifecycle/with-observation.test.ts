import { expect } from "chai";
import { deploymentRecord, trainedModelRecord } from "../../support/secondary-records";
import { withObservation } from "../../../provider/lifecycle/apply-replication";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";

const listed = (label: string, modelId: string) => ({
    label,
    modelId,
    lastTrainedDateTime: "t",
    lastTrainingDurationInSeconds: 1,
    modelExpirationDate: "2027-01-01",
    modelTrainingConfigVersion: "2022-09-01",
});
const project = {
    projectName: "faq",
    language: "en-us",
    projectKind: "Conversation",
    createdDateTime: "t0",
    lastModifiedDateTime: "t2",
};
const from = (contentHash: string) => ({ contentHash, trainingSignature: "{}" });

/** What the provider had recorded of a replica before looking at the secondary again. */
const recorded = {
    modelLabel: "prod",
    importedContentHash: "sha256:a",
    importedLastModifiedDateTime: "t1",
    secondaryProject: { projectName: "faq", language: "en-us", createdDateTime: "t0", lastModifiedDateTime: "t1" },
    trainedModel: trainedModelRecord("prod-b", "m-b"),
    deployment: deploymentRecord("prod", "m-b"),
    stagingDeployment: deploymentRecord("prod-staging", "m-a"),
    previousModel: { label: "prod-a", modelId: "m-a" },
    keptModels: [
        { label: "prod-b", modelId: "m-b", lastTrainedDateTime: "t", trainedFrom: from("sha256:b") },
        { label: "prod-a", modelId: "m-a", lastTrainedDateTime: "t", trainedFrom: from("sha256:a") },
    ],
} as unknown as ReplicaState;

describe("with observation: the state after looking at the secondary", () => {
    it("forgets the imported content, the models and the deployments of a project that is gone", () => {
        const next = withObservation(recorded, {});
        for (const gone of [
            "importedContentHash",
            "importedLastModifiedDateTime",
            "previousModel",
            "secondaryProject",
            "trainedModel",
            "deployment",
            "stagingDeployment",
            "keptModels",
        ]) {
            expect(next, gone).to.not.have.property(gone);
        }
        expect(next.modelLabel).to.equal("prod");
    });

    it("takes what the secondary holds now, carrying what was known of each kept model by label", () => {
        const next = withObservation(recorded, {
            project: project as never,
            models: [listed("prod-c", "m-c"), listed("prod-b", "m-b"), listed("prod-a", "m-a")],
            servingModel: trainedModelRecord("prod-c", "m-c"),
            deployment: deploymentRecord("prod", "m-c"),
            staging: deploymentRecord("prod-staging", "m-b"),
        });
        expect(next.secondaryProject).to.deep.equal({
            projectName: "faq",
            language: "en-us",
            createdDateTime: "t0",
            lastModifiedDateTime: "t2",
        });
        expect(next.keptModels).to.deep.equal([
            { label: "prod-c", modelId: "m-c", lastTrainedDateTime: "t" },
            { label: "prod-b", modelId: "m-b", lastTrainedDateTime: "t", trainedFrom: from("sha256:b") },
            { label: "prod-a", modelId: "m-a", lastTrainedDateTime: "t", trainedFrom: from("sha256:a") },
        ]);
        expect(next.keptModels![1]!.trainedFrom, "a copy, not the recorded object").to.not.equal(
            recorded.keptModels![0]!.trainedFrom,
        );
        expect(next.previousModel).to.deep.equal({ label: "prod-a", modelId: "m-a" });
        expect(next.trainedModel).to.deep.equal(trainedModelRecord("prod-c", "m-c"));
        expect(next.deployment).to.deep.equal(deploymentRecord("prod", "m-c"));
        expect(next.stagingDeployment).to.deep.equal(deploymentRecord("prod-staging", "m-b"));
        expect(next.importedContentHash).to.equal("sha256:a");
    });

    it("forgets the previous model once it is no longer kept, and deployments that are gone", () => {
        const next = withObservation(recorded, { project: project as never, models: [listed("prod-b", "m-b")] });
        expect(next).to.not.have.property("previousModel");
        expect(next).to.not.have.property("trainedModel");
        expect(next).to.not.have.property("deployment");
        expect(next).to.not.have.property("stagingDeployment");
        expect(next.keptModels!.map((model) => model.label)).to.deep.equal(["prod-b"]);
    });

    it("recognises the model of state written before candidate labels by its label", () => {
        const legacy = {
            modelLabel: "prod",
            trainedFrom: from("sha256:old"),
            trainedModel: trainedModelRecord("prod", "m-1"),
        } as unknown as ReplicaState;
        const next = withObservation(legacy, {
            project: project as never,
            models: [listed("prod", "m-1"), listed("prod-x", "m-x")],
        });
        expect(next.keptModels).to.deep.equal([
            { label: "prod", modelId: "m-1", lastTrainedDateTime: "t", trainedFrom: from("sha256:old") },
            { label: "prod-x", modelId: "m-x", lastTrainedDateTime: "t" },
        ]);
        expect(next).to.not.have.property("trainedFrom");
    });

    it("takes no models when the secondary lists none", () => {
        expect(withObservation(recorded, { project: project as never }).keptModels).to.deep.equal([]);
    });
});
