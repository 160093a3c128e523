import { expect } from "chai";
import { deploymentRecord, trainedModelRecord } from "../../support/secondary-records";
import {
    desiredReplicaOf,
    factsOf,
    replicaLabelOf,
    replicaNamesOf,
    type ReplicaState,
    secondaryProjectOf,
    trainingSignatureOf,
} from "../../../provider/lifecycle/replica-state";
import { checkedInputsFor } from "../../support/checked-inputs";

const project = { projectName: "faq", language: "en-us", createdDateTime: "t0", lastModifiedDateTime: "t1" };
const trainedFrom = { contentHash: "sha256:a", trainingSignature: "{}" };

describe("replica state", () => {
    it("labels a replica by its primary and secondary project", () => {
        expect(replicaLabelOf({ projectName: "faq", secondaryProjectName: "faq-copy" })).to.equal("faq -> faq-copy");
    });

    describe("facts for the planner", () => {
        it("of an empty state: no project, no models, nothing rejected", () => {
            expect(factsOf({})).to.deep.equal({
                projectExists: false,
                secondaryEdited: false,
                models: [],
                rejected: [],
            });
        });

        it("carry the serving and staging deployments, the previous model, the pin, rejections and documents", () => {
            const state: Partial<ReplicaState> = {
                secondaryProject: project,
                importedContentHash: "sha256:a",
                importedLastModifiedDateTime: "t1",
                keptModels: [{ label: "prod-1", modelId: "m1", lastTrainedDateTime: "t", trainedFrom }],
                deployment: deploymentRecord("prod", "m1"),
                stagingDeployment: deploymentRecord("prod-staging", "m0"),
                previousModel: { label: "prod-0", modelId: "m0" },
                servingPin: { request: "previous", label: "prod-0" },
                rejectedCandidates: [{ label: "prod-2", verdict: "low", rejectedAt: "t" }],
                secondaryDocuments: {
                    account: "acct",
                    container: "docs",
                    held: { "a.txt": "h" },
                    projectContainer: "docs-in",
                },
            } as Partial<ReplicaState>;
            expect(factsOf(state)).to.deep.equal({
                projectExists: true,
                secondaryEdited: false,
                importedContentHash: "sha256:a",
                models: state.keptModels,
                serving: { name: "prod", modelId: "m1" },
                staging: { name: "prod-staging", modelId: "m0" },
                previousLabel: "prod-0",
                pin: { request: "previous", label: "prod-0" },
                rejected: state.rejectedCandidates,
                inputContainer: "docs-in",
                documents: { container: "docs", held: { "a.txt": "h" } },
            });
        });

        it("tell a secondary edited since the import, or gone since it", () => {
            const imported = { importedLastModifiedDateTime: "t1" };
            expect(factsOf({ ...imported, secondaryProject: project }).secondaryEdited).to.equal(false);
            expect(
                factsOf({ ...imported, secondaryProject: { ...project, lastModifiedDateTime: "t2" } }).secondaryEdited,
            ).to.equal(true);
            expect(factsOf(imported).secondaryEdited).to.equal(true);
            expect(factsOf({ secondaryProject: project }).secondaryEdited, "never imported here").to.equal(false);
        });

        it("read the model of state written before candidate labels as the one kept model", () => {
            const legacy = { modelLabel: "prod", trainedModel: trainedModelRecord("prod"), trainedFrom };
            expect(factsOf(legacy).models).to.deep.equal([
                { label: "prod", modelId: "prod-id", lastTrainedDateTime: "t", trainedFrom },
            ]);
            expect(factsOf({ ...legacy, modelLabel: "v2" }).models, "another label").to.deep.equal([
                { label: "prod", modelId: "prod-id", lastTrainedDateTime: "t" },
            ]);
            expect(factsOf({ modelLabel: "prod", trainedModel: trainedModelRecord("prod") }).models).to.deep.equal([
                { label: "prod", modelId: "prod-id", lastTrainedDateTime: "t" },
            ]);
        });
    });

    it("shows the secondary's project with the train and deploy dates it has", () => {
        expect(secondaryProjectOf({ ...project, projectKind: "Conversation" } as never)).to.deep.equal(project);
        const full = { ...project, lastTrainedDateTime: "t2", lastDeployedDateTime: "t3" };
        expect(secondaryProjectOf({ ...full, projectKind: "Conversation", description: "x" } as never)).to.deep.equal(
            full,
        );
    });

    it("names the replica's models and deployments, with staging only when there is one", () => {
        const names = replicaNamesOf({ modelLabel: "prod", deploymentName: "prod" });
        expect(names).to.not.have.property("stagingDeploymentName");
        expect(names.deploymentName).to.equal("prod");
        expect(names.isReplicaModel("prod-0123abcd")).to.equal(true);
        expect(names.isReplicaModel("experiment")).to.equal(false);
        const staged = replicaNamesOf({ modelLabel: "prod", deploymentName: "prod", stagingDeploymentName: "s" });
        expect(staged.stagingDeploymentName).to.equal("s");
    });

    describe("training signature", () => {
        it("spells the default training mode of conversational projects the same as leaving it out", () => {
            for (const projectKind of ["Conversation", "Orchestration"]) {
                const left = trainingSignatureOf(checkedInputsFor({ projectKind }));
                expect(left).to.include('"trainingMode":"standard"');
                expect(
                    trainingSignatureOf(checkedInputsFor({ projectKind, training: { trainingMode: "standard" } })),
                ).to.equal(left);
                expect(
                    trainingSignatureOf(checkedInputsFor({ projectKind, training: { trainingMode: "advanced" } })),
                ).to.not.equal(left);
            }
        });

        it("has no training mode for text projects", () => {
            const inputs = checkedInputsFor({ projectKind: "CustomSingleLabelClassification" });
            expect(trainingSignatureOf(inputs)).to.not.include("trainingMode");
        });
    });

    describe("the desired replica", () => {
        it("without a gate serves the latest candidate, named from the content, and copies no documents", () => {
            const desired = desiredReplicaOf(checkedInputsFor(), {});
            expect(desired).to.not.have.property("gate");
            expect(desired).to.not.have.property("documents");
            expect(desired.serve).to.deep.equal({ kind: "latest" });
            expect(desired.contentHash).to.equal("sha256:new");
            expect(desired.candidateLabel).to.match(/^prod-[0-9a-f]{8}$/);
        });

        it("serves the previous model or a named one when asked", () => {
            expect(desiredReplicaOf(checkedInputsFor({ servingModel: "previous" }), {}).serve).to.deep.equal({
                kind: "previous",
            });
            expect(desiredReplicaOf(checkedInputsFor({ servingModel: "prod-0123abcd" }), {}).serve).to.deep.equal({
                kind: "label",
                label: "prod-0123abcd",
            });
        });

        it("with a gate stages candidates beside the serving deployment, judged by its thresholds", () => {
            const promotion = { minMicroF1: 0.8, mode: "warn", parity: { minAgreement: 0.9 } };
            const desired = desiredReplicaOf(checkedInputsFor({ promotion }), {});
            expect(desired.gate).to.include({ stagingDeploymentName: "prod-staging", mode: "warn" });
            expect(desired.gate!.thresholds).to.include("0.8").and.include("0.9");
        });

        it("asks for the documents of a text project copied to the secondary's storage", () => {
            const access = { connectionString: "AccountName=docs;AccountKey=a2V5" };
            const observed = { container: "documents", contents: { "a.txt": "md5:1" } };
            const inputs = checkedInputsFor({
                projectKind: "CustomSingleLabelClassification",
                documents: { source: access, target: access },
                primaryRevision: {
                    lastModifiedDateTime: "t",
                    contentHash: "sha256:c",
                    items: {},
                    changes: "",
                    documents: observed,
                },
            });
            expect(desiredReplicaOf(inputs, {}).documents).to.deep.equal({
                container: "documents",
                sourceContainer: "documents",
                contents: observed.contents,
            });
        });

        it("with a gate and no parity probe, judges by the evaluation alone", () => {
            const desired = desiredReplicaOf(checkedInputsFor({ promotion: { minMicroF1: 0.8 } }), {});
            expect(desired.gate).to.include({ stagingDeploymentName: "prod-staging", mode: "enforce" });
            expect(desired.gate!.thresholds).to.include("0.8").and.not.include("parity");
        });

        it("takes the imported content for a first revision without a hash, and a new candidate for what asks to retrain", () => {
            const revision = { lastModifiedDateTime: "t", items: {}, changes: "" };
            const first = desiredReplicaOf(checkedInputsFor({ primaryRevision: revision }), {
                importedContentHash: "sha256:old",
            });
            expect(first.contentHash).to.equal("sha256:old");
            const plain = desiredReplicaOf(checkedInputsFor(), {}).candidateLabel;
            const retrained = desiredReplicaOf(checkedInputsFor({ retrainToken: "2026-12" }), {});
            expect(retrained.identity).to.include({ retrainToken: "2026-12" });
            expect(retrained.candidateLabel).to.not.equal(plain);
            const renewed = desiredReplicaOf(
                checkedInputsFor({ renewal: { trainingConfigVersion: "2025-05-15", reason: "expires" } }),
                {},
            );
            expect(renewed.identity).to.include({ renewWith: "2025-05-15" });
            expect(renewed.candidateLabel).to.not.equal(plain);
        });
    });
});
