import { expect } from "chai";
import { bounded, evaluationInputSchema } from "../../../provider/lifecycle/numeric-inputs";
import { failuresFor, reasonsAt } from "../../support/schema-failures";

const models = bounded(
    { min: 1, max: 10, why: "the service keeps ten" },
    { one: "model", many: "models", integer: true },
);
const share = bounded({ min: 0, max: 1, why: "a share" }, { one: "", many: "" });
const minutes = bounded(
    { min: 1 / 60, minShown: "1 second", max: 90, why: "long enough" },
    { one: "minute", many: "minutes" },
);

describe("numeric inputs: a number within its limit", () => {
    it("accepts both ends of the range", () => {
        for (const value of [1, 10]) expect(failuresFor(models, value), String(value)).to.deep.equal([]);
        for (const value of [0, 1, 0.5]) expect(failuresFor(share, value), String(value)).to.deep.equal([]);
    });

    it("says the minimum in the unit, singular for one", () => {
        expect(failuresFor(models, 0)).to.deep.equal([{ property: "", reason: "must be at least 1 model" }]);
    });

    it("says the maximum in the unit, plural beyond one, and why", () => {
        expect(failuresFor(models, 11)).to.deep.equal([
            { property: "", reason: "must be at most 10 models (the service keeps ten)" },
        ]);
    });

    it("shows a minimum that is no round number as the limit spells it", () => {
        expect(failuresFor(minutes, 0)).to.deep.equal([{ property: "", reason: "must be at least 1 second" }]);
        expect(failuresFor(minutes, 91)).to.deep.equal([
            { property: "", reason: "must be at most 90 minutes (long enough)" },
        ]);
    });

    it("leaves no trailing blank where the unit has no name", () => {
        expect(failuresFor(share, -0.1)).to.deep.equal([{ property: "", reason: "must be at least 0" }]);
        expect(failuresFor(share, 1.5)).to.deep.equal([{ property: "", reason: "must be at most 1 (a share)" }]);
    });

    it("wants a whole number only where the unit counts things", () => {
        expect(failuresFor(models, 2.5)).to.deep.equal([{ property: "", reason: "must be a whole number of models" }]);
        expect(failuresFor(minutes, 2.5)).to.deep.equal([]);
    });
});

describe("numeric inputs: the evaluation split", () => {
    const split = (trainingSplitPercentage?: number, testingSplitPercentage?: number, kind?: string) => ({
        kind,
        trainingSplitPercentage,
        testingSplitPercentage,
    });

    it("accepts both percentages summing to 100, or neither", () => {
        for (const value of [
            split(80, 20),
            split(99, 1),
            split(1, 99),
            split(),
            { kind: "percentage" },
            { kind: "manual" },
        ]) {
            expect(failuresFor(evaluationInputSchema, value), JSON.stringify(value)).to.deep.equal([]);
        }
    });

    it("with manual, refuses each percentage given, telling to remove it", () => {
        const reason = "applies only when kind is percentage; with manual, each item's dataset decides: remove it";
        expect(failuresFor(evaluationInputSchema, split(80, undefined, "manual"))).to.deep.equal([
            { property: "trainingSplitPercentage", reason },
        ]);
        expect(failuresFor(evaluationInputSchema, split(undefined, 20, "manual"))).to.deep.equal([
            { property: "testingSplitPercentage", reason },
        ]);
    });

    it("names the missing half of a split, whichever half is given", () => {
        expect(failuresFor(evaluationInputSchema, split(80))).to.deep.equal([
            {
                property: "testingSplitPercentage",
                reason: "is required with trainingSplitPercentage: give both (summing to 100), or neither for the service's 80/20",
            },
        ]);
        expect(failuresFor(evaluationInputSchema, split(undefined, 20))).to.deep.equal([
            {
                property: "trainingSplitPercentage",
                reason: "is required with testingSplitPercentage: give both (summing to 100), or neither for the service's 80/20",
            },
        ]);
    });

    it("gives the sum when it is not 100, against testingSplitPercentage", () => {
        expect(failuresFor(evaluationInputSchema, split(60, 50))).to.deep.equal([
            {
                property: "testingSplitPercentage",
                reason: "trainingSplitPercentage + testingSplitPercentage must be 100, got 110",
            },
        ]);
    });

    it("sums percentages at the ends of their range", () => {
        expect(reasonsAt(evaluationInputSchema, split(1, 1), "testingSplitPercentage")).to.deep.equal([
            "trainingSplitPercentage + testingSplitPercentage must be 100, got 2",
        ]);
        expect(reasonsAt(evaluationInputSchema, split(99, 99), "testingSplitPercentage")).to.deep.equal([
            "trainingSplitPercentage + testingSplitPercentage must be 100, got 198",
        ]);
    });

    it("does not add a sum to a percentage that already failed its own range", () => {
        for (const [training, testing] of [
            [0, 90],
            [90, 0],
            [100, 5],
            [5, 100],
            [50.5, 40],
            [40, 50.5],
        ] as const) {
            const sums = reasonsAt(evaluationInputSchema, split(training, testing), "testingSplitPercentage").filter(
                (reason) => reason.includes("must be 100"),
            );
            expect(sums, `${training} + ${testing}`).to.deep.equal([]);
            expect(failuresFor(evaluationInputSchema, split(training, testing))).to.have.length(1);
        }
    });
});
