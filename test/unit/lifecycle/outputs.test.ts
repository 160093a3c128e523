import { expect } from "chai";
import { outputsOf } from "../../../provider/lifecycle/outputs";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";

describe("outputs", () => {
    it("gives the state as outputs with the URN, dropping undefined values at any depth", () => {
        const state = {
            projectName: "faq",
            secondary: { endpoint: "https://b.example", key: undefined },
            keptModels: [{ label: "a", modelId: undefined }],
            previousModel: undefined,
            gate: null,
        } as unknown as ReplicaState;
        expect(outputsOf(state, { __urn: "urn:x" })).to.deep.equal({
            projectName: "faq",
            secondary: { endpoint: "https://b.example" },
            keptModels: [{ label: "a" }],
            gate: null,
            __urn: "urn:x",
        });
        expect(outputsOf(state, {})).not.to.have.property("__urn");
    });
});
