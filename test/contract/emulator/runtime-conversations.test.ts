import { expect } from "chai";
import {
    pagedSchema,
    type ConversationPrediction,
    type ConversationTaskResult,
    type OrchestrationPrediction,
} from "../../../provider/contract";
import { utteranceEvaluationResultSchema } from "../../../provider/contract/evaluation-results";
import { conciergeOrchestration, travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject } from "./support/deploy-project";
import { expectStatus, type LanguageApi } from "./support/language-api";
import { conversationTask, type RuntimeApi } from "./support/runtime-api";
import { startTestBed, type TestBed } from "./support/test-bed";

function conversationOf(answer: ConversationTaskResult): ConversationPrediction {
    const prediction = answer.result.prediction;
    if (prediction.projectKind !== "Conversation") {
        throw new Error(`expected a Conversation prediction, got ${prediction.projectKind}`);
    }
    return prediction;
}

function orchestrationOf(answer: ConversationTaskResult): OrchestrationPrediction {
    const prediction = answer.result.prediction;
    if (prediction.projectKind !== "Orchestration") {
        throw new Error(`expected an Orchestration prediction, got ${prediction.projectKind}`);
    }
    return prediction;
}

describe("emulator runtime: analyze-conversations", function () {
    let bed: TestBed;
    let clu: LanguageApi;
    let runtime: RuntimeApi;

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        clu = bed.api("primary", "analyze-conversations");
        runtime = bed.runtime("primary");
        // The orchestration project routes to TravelBot's `production` deployment: deploy that first.
        await deployProject(clu, travelConversation(), conversationTraining);
        await deployProject(clu, conciergeOrchestration(), conversationTraining);
    });

    after(async () => {
        await bed.stop();
    });

    it("answers a CLU deployment with the top intent, every intent by score, and entities", async () => {
        const query = "book a flight to Oslo";
        const answer = await runtime.analyzeConversation(conversationTask("TravelBot", query));
        expect(answer.kind).to.equal("ConversationResult");
        expect(answer.result.query).to.equal(query);
        const prediction = conversationOf(answer);
        expect(prediction.topIntent).to.equal("BookFlight");
        expect(prediction.intents.map((intent) => intent.category)).to.have.members([
            "None",
            "BookFlight",
            "CancelBooking",
        ]);
        const scores = prediction.intents.map((intent) => intent.confidenceScore);
        expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
        expect(prediction.intents[0]!.category).to.equal(prediction.topIntent);
        // Oslo is a list synonym of City: certain.
        expect(prediction.entities).to.deep.equal([
            { category: "City", text: "Oslo", offset: 17, length: 4, confidenceScore: 1 },
        ]);
    });

    it("finds regex entities and what the training split taught", async () => {
        const prediction = conversationOf(
            await runtime.analyzeConversation(conversationTask("TravelBot", "cancel booking ZZ9999")),
        );
        expect(prediction.topIntent).to.equal("CancelBooking");
        expect(prediction.entities.map(({ category, text }) => ({ category, text }))).to.deep.equal([
            { category: "BookingCode", text: "ZZ9999" },
        ]);
    });

    it("counts offsets in the requested string index type, text elements by default", async () => {
        // A family emoji: 8 UTF-16 code units, 5 code points, 1 text element.
        const query = "👩‍👩‍👧 fly to Oslo";
        const oslo = async (stringIndexType?: string) => {
            const parameters = stringIndexType === undefined ? {} : { stringIndexType };
            const prediction = conversationOf(
                await runtime.analyzeConversation(conversationTask("TravelBot", query, parameters)),
            );
            const entity = prediction.entities.find((candidate) => candidate.category === "City")!;
            return { offset: entity.offset, length: entity.length, text: entity.text };
        };
        expect(await oslo("Utf16CodeUnit")).to.deep.equal({ offset: 16, length: 4, text: "Oslo" });
        expect(query.slice(16, 20)).to.equal("Oslo");
        expect(await oslo("UnicodeCodePoint")).to.deep.equal({ offset: 13, length: 4, text: "Oslo" });
        expect(await oslo("TextElements_v8")).to.deep.equal({ offset: 9, length: 4, text: "Oslo" });
        expect(await oslo("TextElement_V8")).to.deep.equal({ offset: 9, length: 4, text: "Oslo" });
        expect(await oslo()).to.deep.equal({ offset: 9, length: 4, text: "Oslo" });
    });

    it("routes an orchestration project to its target and nests the target's answer", async () => {
        const query = "book me a flight to Oslo";
        const prediction = orchestrationOf(await runtime.analyzeConversation(conversationTask("Concierge", query)));
        expect(prediction.topIntent).to.equal("Travel");
        expect(Object.keys(prediction.intents)).to.have.members(["Travel", "None"]);
        const travel = prediction.intents["Travel"]!;
        expect(travel.targetProjectKind).to.equal("Conversation");
        const direct = await runtime.analyzeConversation(conversationTask("TravelBot", query));
        expect(travel.result).to.deep.equal({ query, prediction: direct.result.prediction });
        const none = prediction.intents["None"]!;
        expect(none).to.deep.equal({ confidenceScore: none.confidenceScore, targetProjectKind: "NonLinked" });
        expect(travel.confidenceScore + none.confidenceScore).to.be.closeTo(1, 1e-6);
    });

    it("asks a direct target without routing", async () => {
        const prediction = orchestrationOf(
            await runtime.analyzeConversation(
                conversationTask("Concierge", "tell me a joke", { directTarget: "TravelBot" }),
            ),
        );
        expect(prediction.topIntent).to.equal("Travel");
        expect(Object.keys(prediction.intents)).to.deep.equal(["Travel"]);
        expect(prediction.intents["Travel"]).to.include({ confidenceScore: 1, targetProjectKind: "Conversation" });
        expect(prediction.intents["Travel"]!.result).to.have.property("prediction");
        const unknown = await runtime.send("POST", "/:analyze-conversations", "2023-04-01", {
            body: conversationTask("Concierge", "hi", { directTarget: "Elsewhere" }),
        });
        expectStatus(unknown, 400, "unknown direct target");
        expect(unknown.body).to.nested.include({ "error.target": "parameters.directTarget" });
    });

    it("leaves out the target's result when the target is no longer deployed", async () => {
        await deployProject(clu, travelConversation("Flights"), conversationTraining);
        await deployProject(clu, conciergeOrchestration("Flights", "Desk"), conversationTraining);
        await clu.run("DELETE", "/Flights/deployments/production");
        const prediction = orchestrationOf(
            await runtime.analyzeConversation(conversationTask("Desk", "book me a flight to Oslo")),
        );
        expect(prediction.topIntent).to.equal("Travel");
        expect(prediction.intents["Travel"]).to.deep.equal({
            confidenceScore: prediction.intents["Travel"]!.confidenceScore,
            targetProjectKind: "Conversation",
        });
    });

    it("predicts each evaluated test item as its evaluation result says", async () => {
        const items = await clu.read(
            "/TravelBot/models/v1/evaluation/result",
            pagedSchema(utteranceEvaluationResultSchema),
            { stringIndexType: "Utf16CodeUnit" },
        );
        // Manual split: the two utterances marked Test, which the model never learned from.
        expect(items.value).to.have.length(2);
        for (const item of items.value) {
            const prediction = conversationOf(
                await runtime.analyzeConversation(
                    conversationTask("TravelBot", item.text, { stringIndexType: "Utf16CodeUnit" }),
                ),
            );
            expect(prediction.topIntent).to.equal(item.intentsResult.predictedIntent);
            expect(
                prediction.entities.map(({ category, offset, length }) => ({ category, offset, length })),
            ).to.deep.equal(item.entitiesResult.predictedEntities);
        }
    });

    it("keeps answering with the deployed model until the retrained label is deployed again", async () => {
        await deployProject(clu, travelConversation("Bookings"), conversationTraining);
        await bed.admin.editProject("primary", "Bookings", { op: "addIntent", intent: { category: "Greet" } });
        await bed.admin.editProject("primary", "Bookings", {
            op: "addUtterance",
            utterance: { text: "hello there", intent: "Greet", language: "en-us" },
        });
        const intentsOf = async () =>
            conversationOf(await runtime.analyzeConversation(conversationTask("Bookings", "hello there"))).intents.map(
                (intent) => intent.category,
            );
        await deployProject(clu, travelConversation("Bookings"), conversationTraining, { importFirst: false });
        expect(await intentsOf()).to.include("Greet");

        await bed.admin.editProject("primary", "Bookings", { op: "removeIntent", category: "Greet" });
        await clu.run("POST", "/Bookings/:train", { body: conversationTraining });
        expect(await intentsOf(), "retrained, not redeployed").to.include("Greet");
        await clu.run("PUT", "/Bookings/deployments/production", { body: { trainedModelLabel: "v1" } });
        expect(await intentsOf(), "redeployed").to.not.include("Greet");
    });

    it("serves every stable runtime api-version alike, and 404s others", async () => {
        const task = conversationTask("TravelBot", "book a flight to Oslo");
        const answers = await Promise.all(
            ["2022-05-01", "2023-04-01", "2024-11-01"].map((version) => runtime.analyzeConversation(task, version)),
        );
        expect(answers[1]).to.deep.equal(answers[0]);
        expect(answers[2]).to.deep.equal(answers[0]);
        for (const version of ["2025-11-01", "2023-04-15-preview"]) {
            const answer = await runtime.send("POST", "/:analyze-conversations", version, { body: task });
            expectStatus(answer, 404, version);
            expect(answer.body).to.deep.equal({ error: { code: "404", message: "Resource not found" } });
        }
    });
});
