import { expect } from "chai";
import { checkModelLabel } from "../../../provider/contract";
import { candidateLabelOf, isReplicaModel, stagingDeploymentNameOf } from "../../../provider/plan/derived-names";

const identity = { contentHash: "sha256:a", trainingSignature: "{}" };

describe("derived names: candidate labels and the staging deployment", () => {
    it("labels a candidate by its identity: the same identity, the same label; another, another", () => {
        const label = candidateLabelOf("production", identity);
        expect(label).to.match(/^production-[0-9a-f]{8}$/);
        expect(candidateLabelOf("production", { ...identity })).to.equal(label);
        expect(candidateLabelOf("production", { ...identity, retrainToken: "x" })).not.to.equal(label);
        expect(candidateLabelOf("production", { ...identity, renewWith: "2026-06-01" })).not.to.equal(label);
    });

    it("stays a valid label of at most 50 characters, cutting a long base", () => {
        const label = candidateLabelOf("m".repeat(50), identity);
        expect(label).to.have.length(50);
        expect(checkModelLabel(label)).to.equal(undefined);
        expect(isReplicaModel("m".repeat(50), label)).to.equal(true);
    });

    it("tells the replica's models from the others on the secondary", () => {
        expect(isReplicaModel("prod", "prod")).to.equal(true);
        expect(isReplicaModel("prod", "prod-0123abcd")).to.equal(true);
        expect(isReplicaModel("prod", "prod-experiment")).to.equal(false);
        expect(isReplicaModel("prod", "production-0123abcd")).to.equal(false);
        expect(isReplicaModel("v1.0", "v1x0-0123abcd"), "a dot is no wildcard").to.equal(false);
    });

    it("names the staging deployment after the serving one, within 50 characters", () => {
        expect(stagingDeploymentNameOf("production")).to.equal("production-staging");
        expect(stagingDeploymentNameOf("d".repeat(50))).to.have.length(50);
    });
});
