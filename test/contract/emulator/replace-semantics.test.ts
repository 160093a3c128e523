import { expect } from "chai";
import {
    projectDeploymentSchema,
    type ConversationTaskResult,
    trainingJobStateSchema,
} from "../../../provider/contract";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject } from "./support/deploy-project";
import type { LanguageApi } from "./support/language-api";
import { conversationTask, type RuntimeApi } from "./support/runtime-api";
import { startTestBed, type TestBed } from "./support/test-bed";

/** The top intent the runtime answers for an utterance, from the deployment `production`. */
function topIntentOf(answer: ConversationTaskResult): string {
    const prediction = answer.result.prediction;
    if (prediction.projectKind !== "Conversation") throw new Error(`expected CLU, got ${prediction.projectKind}`);
    return prediction.topIntent ?? "";
}

/**
 * What "create or replace" means on the service, which the provider relies on: a deployment
 * PUT over an existing one serves the new model from then on, and an import over an existing
 * project replaces its assets (nothing of the old content survives, nothing is merged).
 */
describe("emulator: replacing a deployment or a project", () => {
    let bed: TestBed;
    let clu: LanguageApi;
    let runtime: RuntimeApi;

    beforeEach(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        clu = bed.api("primary", "analyze-conversations");
        runtime = bed.runtime("primary");
    });

    afterEach(async () => {
        await bed.stop();
    });

    it("serves the new model after a deployment is replaced", async () => {
        await deployProject(clu, travelConversation(), conversationTraining);
        const query = "what is the weather like in Oslo";
        const before = topIntentOf(await runtime.analyzeConversation(conversationTask("TravelBot", query)));
        expect(before).not.to.equal("Weather");
        // v2 learns an intent v1 never saw; redeploying `production` with it changes the answer.
        const file = travelConversation();
        file.assets.intents = [...(file.assets.intents ?? []), { category: "Weather" }];
        const weather = ["what is the weather like in Oslo", "will it rain in Paris", "weather forecast for Rome"];
        file.assets.utterances = [
            ...(file.assets.utterances ?? []),
            ...weather.map((text) => ({
                text,
                intent: "Weather",
                language: "en-us",
                dataset: "Train" as const,
                entities: [],
            })),
        ];
        await clu.importProject(file);
        await clu.run(
            "POST",
            "/TravelBot/:train",
            { body: { ...conversationTraining, modelLabel: "v2" } },
            trainingJobStateSchema,
        );
        await clu.run("PUT", "/TravelBot/deployments/production", { body: { trainedModelLabel: "v2" } });
        const deployment = await clu.read("/TravelBot/deployments/production", projectDeploymentSchema);
        expect(deployment.modelId).to.match(/^v2-/);
        expect(topIntentOf(await runtime.analyzeConversation(conversationTask("TravelBot", query)))).to.equal(
            "Weather",
        );
    });

    it("replaces a project's assets on import instead of merging them", async () => {
        await clu.importProject(travelConversation());
        const replacement = travelConversation();
        replacement.assets.intents = [{ category: "Greeting" }, { category: "None" }];
        replacement.assets.entities = [];
        replacement.assets.utterances = [{ text: "hello there", intent: "Greeting", language: "en-us", entities: [] }];
        await clu.importProject(replacement);
        const exported = await clu.exportProject("TravelBot");
        expect(exported.assets?.projectKind).to.equal("Conversation");
        const assets = exported.assets as typeof replacement.assets;
        expect(assets.intents?.map((intent) => intent.category).sort()).to.deep.equal(["Greeting", "None"]);
        expect(assets.entities ?? []).to.deep.equal([]);
        expect(assets.utterances?.map((utterance) => utterance.text)).to.deep.equal(["hello there"]);
    });
});
