import { expect } from "chai";
import {
    conversationEvaluationSummarySchema,
    exportedProjectSchema,
    parseContract,
    textEvaluationSummarySchema,
} from "../../../provider/contract";
import {
    documentEvaluationResultSchema,
    utteranceEvaluationResultSchema,
} from "../../../provider/contract/evaluation-results";
import { renderEvaluatedItem } from "../../../emulator/domain/evaluation/item-results";
import { evaluateModel } from "../../../emulator/domain/evaluation/evaluated-items";
import { summarizeEvaluation } from "../../../emulator/domain/evaluation/summary";
import { trainModel } from "../../../emulator/model/train-model";
import type { EvaluationSplit, StoredModel } from "../../../emulator/state/state-schema";
import {
    conciergeOrchestration,
    contractsEntityRecognition,
    newsTopicsMultiLabel,
    supportTicketsSingleLabel,
    travelConversation,
} from "../../fixtures/emulator/sample-projects";

function modelOf(
    file: unknown,
    split: EvaluationSplit = { kind: "manual", trainingSplitPercentage: 0, testingSplitPercentage: 0 },
    documents: Readonly<Record<string, string>> = {},
): StoredModel {
    const { metadata, assets } = parseContract(exportedProjectSchema, file, "fixture");
    const snapshot = { metadata, assets: assets! };
    return {
        label: "m",
        modelId: "m-20240101T000000-00000000000000000000000000000000",
        trainedMs: 0,
        trainingDurationSeconds: 0,
        trainingConfigVersion: "2022-05-01",
        expirationDate: "2027-01-01",
        evaluationOptions: split,
        snapshot,
        trained: trainModel(snapshot, split, new Map(Object.entries(documents))),
    };
}

function evaluate(model: StoredModel) {
    return evaluateModel(model, model.trained!);
}

const percentage: EvaluationSplit = { kind: "percentage", trainingSplitPercentage: 50, testingSplitPercentage: 50 };

describe("emulator/domain/evaluation", () => {
    it("summarizes every kind in the shape of its family's contract", () => {
        for (const file of [travelConversation(), conciergeOrchestration()]) {
            const model = modelOf(file, percentage);
            const items = evaluate(model);
            parseContract(conversationEvaluationSummarySchema, summarizeEvaluation(model, items), "summary");
            items
                .map(renderEvaluatedItem)
                .forEach((item) => parseContract(utteranceEvaluationResultSchema, item, "item"));
        }
        for (const sample of [supportTicketsSingleLabel(), newsTopicsMultiLabel(), contractsEntityRecognition()]) {
            const model = modelOf(sample.file, percentage, sample.documents);
            const items = evaluate(model);
            parseContract(textEvaluationSummarySchema, summarizeEvaluation(model, items), "summary");
            items
                .map(renderEvaluatedItem)
                .forEach((item) => parseContract(documentEvaluationResultSchema, item, "item"));
        }
    });

    it("evaluates the Test items under manual evaluation", () => {
        const items = evaluate(modelOf(travelConversation()));
        expect(items.map((item) => (item.kind === "utterance" ? item.text : ""))).to.deep.equal([
            "I need a seat to Lisboa next week",
            "please drop my reservation SK9876",
        ]);
    });

    it("is deterministic", () => {
        const sample = contractsEntityRecognition();
        const first = modelOf(sample.file, percentage, sample.documents);
        const second = modelOf(sample.file, percentage, sample.documents);
        expect(second.trained).to.deep.equal(first.trained);
        expect(summarizeEvaluation(second, evaluate(second))).to.deep.equal(
            summarizeEvaluation(first, evaluate(first)),
        );
    });

    it("computes precision, recall and F1 from the counts", () => {
        const model = modelOf(supportTicketsSingleLabel().file);
        const summary = summarizeEvaluation(model, [
            { kind: "singleLabel", location: "a", language: "en", expectedClass: "Billing", predictedClass: "Billing" },
            { kind: "singleLabel", location: "b", language: "en", expectedClass: "Billing", predictedClass: "Outage" },
            { kind: "singleLabel", location: "c", language: "en", expectedClass: "Outage", predictedClass: "Outage" },
        ]);
        const evaluation = parseContract(textEvaluationSummarySchema, summary, "summary");
        if (evaluation.projectKind !== "CustomSingleLabelClassification") {
            throw new Error("wrong kind");
        }
        const scores = evaluation.customSingleLabelClassificationEvaluation;
        expect(scores.classes["Billing"]).to.deep.include({
            precision: 1,
            recall: 0.5,
            truePositiveCount: 1,
            falseNegativeCount: 1,
            trueNegativeCount: 1,
        });
        expect(scores.classes["Outage"]).to.deep.include({ precision: 0.5, recall: 1, falsePositiveCount: 1 });
        expect(scores.microF1).to.equal(0.6666667);
        expect(scores.confusionMatrix?.["Billing"]?.["Outage"]).to.deep.equal({ normalizedValue: 50, rawValue: 1 });
    });
});
