import { expect } from "chai";
import { evaluationSummarySchema, parseContract, summarizeEvaluation } from "../../../provider/contract";
import {
    conversationSummary,
    entityRecognitionSummary,
    multiLabelSummary,
    singleLabelSummary,
} from "../../fixtures/contract/evaluation";

function summarize(summary: unknown) {
    return summarizeEvaluation(parseContract(evaluationSummarySchema, summary, "evaluation summary"));
}

describe("contract/evaluation", () => {
    it("summarizes each text kind from its own block", () => {
        expect(summarize(singleLabelSummary())).to.deep.equal({ microF1: 0.81, macroF1: 0.71 });
        expect(summarize(multiLabelSummary())).to.deep.equal({ microF1: 0.82, macroF1: 0.72 });
        expect(summarize(entityRecognitionSummary())).to.deep.equal({ microF1: 0.83, macroF1: 0.73 });
    });

    it("summarizes a CLU project from its intents", () => {
        expect(summarize(conversationSummary())).to.deep.equal({ microF1: 0.84, macroF1: 0.74 });
    });

    it("keeps unknown fields", () => {
        const parsed = evaluationSummarySchema.parse({ ...conversationSummary(), modelLabel: "nightly" });
        expect(parsed).to.have.property("modelLabel", "nightly");
    });

    it("names the missing metric of a malformed summary", () => {
        const summary = singleLabelSummary();
        const { macroF1: _omitted, ...block } = summary.customSingleLabelClassificationEvaluation;
        expect(() => summarize({ ...summary, customSingleLabelClassificationEvaluation: block })).to.throw(
            'evaluation summary: field "customSingleLabelClassificationEvaluation.macroF1": expected number, received undefined',
        );
    });
});
