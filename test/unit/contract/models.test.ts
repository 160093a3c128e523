import { expect } from "chai";
import { projectTrainedModelSchema } from "../../../provider/contract";

const model = {
    label: "nightly",
    modelId: "nightly-20240109T090000-3f9a1c0b7d2e4a6f8b5c1d0e9f8a7b6c",
    lastTrainedDateTime: "2024-01-09T09:04:40Z",
    lastTrainingDurationInSeconds: 268,
    modelExpirationDate: "2025-07-15",
    modelTrainingConfigVersion: "2023-04-15",
};

describe("contract/models", () => {
    it("accepts a 2022-05-01 model without hasSnapshot", () => {
        expect(projectTrainedModelSchema.parse(model).hasSnapshot).to.equal(undefined);
    });

    it("accepts hasSnapshot and keeps unknown fields", () => {
        expect(projectTrainedModelSchema.parse({ ...model, hasSnapshot: true, tier: "s" })).to.include({
            hasSnapshot: true,
            tier: "s",
        });
    });

    it("rejects a fractional training duration", () => {
        expect(projectTrainedModelSchema.safeParse({ ...model, lastTrainingDurationInSeconds: 2.5 }).success).to.equal(
            false,
        );
    });
});
