import { expect } from "chai";
import {
    conversationTrainingJobOptionsSchema,
    evaluationOptionsSchema,
    parseContract,
    textTrainingJobOptionsSchema,
} from "../../../provider/contract";

describe("contract/training", () => {
    it("accepts a text body with a percentage split summing to 100", () => {
        const body = {
            modelLabel: "v1",
            trainingConfigVersion: "latest",
            evaluationOptions: { kind: "percentage", trainingSplitPercentage: 70, testingSplitPercentage: 30 },
        };
        expect(textTrainingJobOptionsSchema.parse(body)).to.deep.equal(body);
    });

    it("requires trainingConfigVersion for text and trainingMode for CLU", () => {
        expect(textTrainingJobOptionsSchema.safeParse({ modelLabel: "v1" }).success).to.equal(false);
        expect(conversationTrainingJobOptionsSchema.safeParse({ modelLabel: "v1" }).success).to.equal(false);
        expect(
            conversationTrainingJobOptionsSchema.parse({ modelLabel: "v1", trainingMode: "advanced" }),
        ).to.deep.equal({
            modelLabel: "v1",
            trainingMode: "advanced",
        });
        expect(
            conversationTrainingJobOptionsSchema.safeParse({ modelLabel: "v1", trainingMode: "fast" }).success,
        ).to.equal(false);
    });

    it("rejects unknown fields in training bodies", () => {
        expect(() =>
            parseContract(
                conversationTrainingJobOptionsSchema,
                { modelLabel: "v1", trainingMode: "standard", mode: "x" },
                "training options",
            ),
        ).to.throw('training options: field "mode": unknown field');
        const evaluationOptions = { kind: "manual", split: 50 };
        expect(
            textTrainingJobOptionsSchema.safeParse({
                modelLabel: "v1",
                trainingConfigVersion: "latest",
                evaluationOptions,
            }).success,
        ).to.equal(false);
    });

    it("rejects a percentage split that does not sum to 100, naming the field", () => {
        const options = { kind: "percentage", trainingSplitPercentage: 80, testingSplitPercentage: 30 };
        expect(() => parseContract(evaluationOptionsSchema, options, "evaluation options")).to.throw(
            'evaluation options: field "testingSplitPercentage": trainingSplitPercentage + testingSplitPercentage must be 100 when kind is percentage, got 110',
        );
    });

    it("applies the sum rule to the default kind too, and not to manual", () => {
        expect(evaluationOptionsSchema.safeParse({ trainingSplitPercentage: 90 }).success).to.equal(false);
        expect(evaluationOptionsSchema.safeParse({ kind: "manual", trainingSplitPercentage: 90 }).success).to.equal(
            true,
        );
        expect(evaluationOptionsSchema.safeParse({ kind: "percentage" }).success).to.equal(true);
    });
});
