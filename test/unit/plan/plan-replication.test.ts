import { expect } from "chai";
import { type DesiredReplica, planReplication, type ReplicaFacts } from "../../../provider/plan/plan-replication";

const desired: DesiredReplica = {
    contentHash: "sha256:new",
    trainingSignature: "options-1",
    modelLabel: "prod",
    deploymentName: "prod",
};
const inSync: ReplicaFacts = {
    projectExists: true,
    importedContentHash: "sha256:new",
    trainedFrom: { contentHash: "sha256:new", trainingSignature: "options-1" },
    model: { label: "prod", modelId: "prod-1" },
    deployment: { name: "prod", modelId: "prod-1" },
};

/** Observed facts (as changes to an in-sync replica) and desired changes -> the steps planned. */
const table: { when: string; facts?: Partial<ReplicaFacts>; desired?: Partial<DesiredReplica>; steps: string[] }[] = [
    { when: "the replica is in sync", steps: [] },
    {
        when: "the secondary project does not exist",
        facts: { projectExists: false },
        steps: ["import", "train", "deploy"],
    },
    {
        when: "the primary's content changed",
        desired: { contentHash: "sha256:newer" },
        steps: ["import", "train", "deploy"],
    },
    {
        when: "the secondary was edited after the import",
        facts: { secondaryEdited: true },
        steps: ["import", "train", "deploy"],
    },
    { when: "the training options changed", desired: { trainingSignature: "options-2" }, steps: ["train", "deploy"] },
    { when: "the model was deleted", facts: { model: undefined }, steps: ["train", "deploy"] },
    { when: "the model label changed", desired: { modelLabel: "v2" }, steps: ["train", "deploy"] },
    {
        when: "an earlier run imported but did not train",
        facts: { trainedFrom: { contentHash: "sha256:old", trainingSignature: "options-1" } },
        steps: ["train", "deploy"],
    },
    { when: "the deployment was deleted", facts: { deployment: undefined }, steps: ["deploy"] },
    { when: "the deployment name changed", desired: { deploymentName: "production" }, steps: ["deploy"] },
    {
        when: "the deployment serves another model",
        facts: { deployment: { name: "prod", modelId: "prod-0" } },
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
            { ...desired, contentHash: "sha256:0123456789abcdef" },
            { ...inSync, importedContentHash: "sha256:fedcba9876543210" },
        );
        expect(steps.map((step) => step.reason)).to.deep.equal([
            "the primary's content changed (fedcba987654 -> 0123456789ab)",
            "the imported content must be trained",
            "the new model must be deployed",
        ]);
    });

    it("does not retrain when only the timestamp moved (same content, same options)", () => {
        expect(planReplication(desired, inSync)).to.deep.equal([]);
    });
});
