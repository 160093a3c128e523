import { expect } from "chai";
import { exportedProjectSchema, parseContract } from "../../../../provider/contract";
import { splitLabelledItems } from "../../../../emulator/domain/evaluation/labelled-items";
import {
    predictClasses,
    predictDocumentEntities,
    predictIntents,
    predictUtteranceEntities,
} from "../../../../emulator/model/predict";
import { trainModel } from "../../../../emulator/model/train-model";
import type { EvaluationSplit, ProjectContent } from "../../../../emulator/state/state-schema";
import {
    contractsEntityRecognition,
    newsTopicsMultiLabel,
    supportTicketsSingleLabel,
    travelConversation,
} from "../../../fixtures/emulator/sample-projects";

const manual: EvaluationSplit = { kind: "manual", trainingSplitPercentage: 0, testingSplitPercentage: 0 };
const percentage: EvaluationSplit = { kind: "percentage", trainingSplitPercentage: 50, testingSplitPercentage: 50 };

function contentOf(file: unknown): ProjectContent {
    const { metadata, assets } = parseContract(exportedProjectSchema, file, "fixture");
    return { metadata, assets: assets! };
}

describe("emulator/model/train-model", () => {
    it("learns from the training split only", () => {
        const content = contentOf(travelConversation());
        const { predictor } = trainModel(content, manual, new Map());
        if (predictor.projectKind !== "Conversation") throw new Error("wrong kind");
        const trainedOn = splitLabelledItems(content, manual).training.length;
        expect(predictor.intents.exampleCount).to.equal(trainedOn).and.to.equal(4);
    });

    it("predicts each test item as the runtime would predict its text", () => {
        const content = contentOf(travelConversation());
        const trained = trainModel(content, manual, new Map());
        if (trained.predictor.projectKind !== "Conversation") throw new Error("wrong kind");
        const { test } = splitLabelledItems(content, manual);
        const predictor = trained.predictor;
        const runtime = test.map((item) => {
            const text = item.kind === "utterance" ? item.text : "";
            return {
                labels: [predictIntents(predictor, text).topIntent],
                spans: predictUtteranceEntities(predictor, text).map(({ category, offset, length }) => ({
                    category,
                    offset,
                    length,
                })),
            };
        });
        expect(trained.testPredictions).to.deep.equal(runtime);
        // The list synonym and the regex find what the labels say, though neither item was trained on.
        expect(trained.testPredictions.map((prediction) => prediction.spans.map((s) => s.category))).to.deep.equal([
            ["City"],
            ["BookingCode"],
        ]);
    });

    it("reads text projects from the document texts it is given", () => {
        for (const sample of [supportTicketsSingleLabel(), newsTopicsMultiLabel(), contractsEntityRecognition()]) {
            const content = contentOf(sample.file);
            const texts = new Map(Object.entries(sample.documents));
            const trained = trainModel(content, percentage, texts);
            const { test } = splitLabelledItems(content, percentage);
            test.forEach((item, index) => {
                const text = item.kind === "utterance" ? item.text : texts.get(item.location)!;
                const predictor = trained.predictor;
                const expected =
                    predictor.projectKind === "CustomEntityRecognition"
                        ? predictDocumentEntities(predictor, text).map((s) => s.category)
                        : predictor.projectKind === "CustomSingleLabelClassification" ||
                            predictor.projectKind === "CustomMultiLabelClassification"
                          ? predictClasses(predictor, text).map((s) => s.label)
                          : [];
                const stored = trained.testPredictions[index]!;
                expect([...stored.labels, ...stored.spans.map((s) => s.category)]).to.deep.equal(expected);
            });
        }
    });

    it("gives the same model for the same content, split and texts (a replica answers as its primary)", () => {
        const sample = contractsEntityRecognition();
        const texts = new Map(Object.entries(sample.documents));
        const first = trainModel(contentOf(sample.file), percentage, texts);
        const second = trainModel(contentOf(sample.file), percentage, new Map([...texts].reverse()));
        expect(JSON.stringify(second)).to.equal(JSON.stringify(first));
    });
});
