import { expect } from "chai";
import { promotionSchema, retrainTokenSchema, servingModelSchema } from "../../../provider/lifecycle/promotion-input";
import { failuresFor } from "../../support/schema-failures";

describe("promotion inputs: the gate a candidate passes", () => {
    it("enforces by default, with parity sampling 20 items for 90% agreement", () => {
        expect(promotionSchema.parse({ parity: {} })).to.deep.equal({
            mode: "enforce",
            parity: { minAgreement: 0.9, sampleSize: 20 },
        });
    });

    it("takes thresholds as shares, not percentages", () => {
        expect(failuresFor(promotionSchema, { minMicroF1: 80, minMacroF1: -1, maxDropFromPrimary: 1 })).to.deep.equal([
            { property: "minMicroF1", reason: "must be at most 1 (a share such as 0.8, not a percentage)" },
            { property: "minMacroF1", reason: "must be at least 0" },
        ]);
    });

    it("bounds the parity sample and wants whole items", () => {
        expect(failuresFor(promotionSchema, { parity: { sampleSize: 0 } })).to.deep.equal([
            { property: "parity.sampleSize", reason: "must be at least 1 item" },
        ]);
        expect(failuresFor(promotionSchema, { parity: { sampleSize: 2.5 } })).to.deep.equal([
            { property: "parity.sampleSize", reason: "must be a whole number of items" },
        ]);
        expect(failuresFor(promotionSchema, { parity: { sampleSize: 1001 } })[0]!.reason).to.match(
            /^must be at most 1000 items \(/,
        );
    });

    it("reads a text project's documents for the parity probe from a connection string", () => {
        const documents = { connectionString: "AccountName=docs;AccountKey=a2V5" };
        expect(failuresFor(promotionSchema, { parity: { documents } })).to.deep.equal([]);
    });

    it("refuses a mode other than enforce or warn", () => {
        expect(failuresFor(promotionSchema, { mode: "block" })).to.deep.equal([
            { property: "mode", reason: 'must be one of "enforce", "warn"' },
        ]);
    });
});

describe("promotion inputs: the serving model", () => {
    it("is the latest candidate unless told otherwise", () => {
        expect(servingModelSchema.parse(undefined)).to.equal("latest");
    });

    it("takes latest, previous or a model label", () => {
        for (const value of ["latest", "previous", "prod-2026-01", "..a"]) {
            expect(failuresFor(servingModelSchema, value), value).to.deep.equal([]);
        }
    });

    it("says what it takes when the label is no label", () => {
        const [failure] = failuresFor(servingModelSchema, "my model");
        expect(failure!.reason).to.match(
            /^must be "latest", "previous" or a model label: model label "my model" may contain only/,
        );
        expect(failuresFor(servingModelSchema, "..")[0]!.reason).to.include("dots only");
    });
});

describe("promotion inputs: the retrain token", () => {
    it("takes 1 to 100 printable characters, blanks only inside", () => {
        for (const token of ["x", "~", "retrain 2026-11-22", "a".repeat(100), "a b", "!  !"]) {
            expect(failuresFor(retrainTokenSchema, token), JSON.stringify(token)).to.deep.equal([]);
        }
    });

    it("refuses an empty, too long, blank-edged or non-printable token, saying the rule", () => {
        const rule = "must be 1 to 100 printable ASCII characters, not starting or ending with a blank";
        for (const token of ["", "a".repeat(101), " a", "a ", "a\nb", "é", "a\tb"]) {
            expect(failuresFor(retrainTokenSchema, token), JSON.stringify(token)).to.deep.equal([
                { property: "", reason: rule },
            ]);
        }
    });
});
