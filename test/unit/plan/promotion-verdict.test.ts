import { expect } from "chai";
import { describeThresholds, judgeCandidate } from "../../../provider/plan/promotion-verdict";

const evaluation = { microF1: 0.91, macroF1: 0.85 };

describe("judgeCandidate: each figure beside its threshold", () => {
    it("passes when every threshold holds, saying each comparison", () => {
        const verdict = judgeCandidate(
            { minMicroF1: 0.8, minAgreement: 0.9 },
            { evaluation, parity: { sampled: 20, agreed: 19, rate: 0.95 } },
        );
        expect(verdict).to.deep.equal({ passed: true, summary: "microF1 0.91 >= 0.80, parity 19/20 >= 0.90" });
    });

    it("fails on any threshold, keeping those that held in the summary", () => {
        const verdict = judgeCandidate(
            { minMicroF1: 0.8, minMacroF1: 0.9, maxDropFromPrimary: 0.05 },
            { evaluation, primaryEvaluation: { microF1: 0.93, macroF1: 0.95 } },
        );
        expect(verdict).to.deep.equal({
            passed: false,
            summary:
                "microF1 0.91 >= 0.80, macroF1 0.85 < 0.90, microF1 drop 0.02 <= 0.05 (primary 0.93), macroF1 drop 0.10 > 0.05 (primary 0.95)",
        });
    });

    it("shows more digits where two would make a failure look equal", () => {
        const verdict = judgeCandidate({ minMicroF1: 0.8 }, { evaluation: { microF1: 0.79996, macroF1: 1 } });
        expect(verdict.summary).to.equal("microF1 0.8000 < 0.8000");
        expect(judgeCandidate({ minMicroF1: 0.8 }, { evaluation: { microF1: 0.79949, macroF1: 1 } }).summary).to.equal(
            "microF1 0.7995 < 0.8000",
        );
    });

    it("fails a parity probe that sampled nothing, and records figures without thresholds", () => {
        expect(
            judgeCandidate({ minAgreement: 0.5 }, { evaluation, parity: { sampled: 0, agreed: 0, rate: 0 } }),
        ).to.deep.equal({ passed: false, summary: "parity 0/0 < 0.50" });
        expect(judgeCandidate({}, { evaluation })).to.deep.equal({
            passed: true,
            summary: "microF1 0.91, macroF1 0.85, no thresholds",
        });
    });

    it("describes thresholds for a plan", () => {
        expect(describeThresholds({ minMicroF1: 0.8, maxDropFromPrimary: 0.1, minAgreement: 0.9 })).to.equal(
            "microF1 >= 0.80, a drop below the primary's model of at most 0.10, parity >= 0.90",
        );
        expect(describeThresholds({})).to.equal("no thresholds: its figures are recorded");
    });
});
