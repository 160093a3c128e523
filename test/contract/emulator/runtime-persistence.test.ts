import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { conversationEvaluationSummarySchema } from "../../../provider/contract";
import { startEmulator, type RunningEmulator } from "../../../emulator/start-emulator";
import { stateFileIn } from "../../../emulator/state/persistence";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject } from "./support/deploy-project";
import { LanguageApi } from "./support/language-api";
import { conversationTask, RuntimeApi } from "./support/runtime-api";

describe("emulator runtime: models and text jobs in a data dir survive a restart", function () {
    let dataDir: string;
    let emulator: RunningEmulator | undefined;

    const start = async () => {
        emulator = await startEmulator({ port: 0, dataDir, rateLimits: false, jobTiming: { mode: "instant" } });
        const { endpoint, keys } = emulator.resources[0]!;
        return {
            authoring: new LanguageApi(endpoint, keys[0], "analyze-conversations"),
            runtime: new RuntimeApi(endpoint, keys[0]),
        };
    };
    const task = conversationTask("TravelBot", "cancel booking AB1234 to Oslo");
    const summaryPath = "/TravelBot/models/v1/evaluation/summary-result";

    beforeEach(() => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "language-emulator-"));
    });

    afterEach(async () => {
        await emulator?.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers the same after a restart, and keeps finished text jobs", async () => {
        const before = await start();
        await deployProject(before.authoring, travelConversation(), conversationTraining);
        const answer = await before.runtime.analyzeConversation(task);
        const statusUrl = await before.runtime.submitTextJob({
            analysisInput: { documents: [{ id: "1", text: "hello" }] },
            tasks: [{ kind: "CustomEntityRecognition", parameters: { projectName: "Nope", deploymentName: "x" } }],
        });
        const job = await before.runtime.waitForTextJob(statusUrl);
        await emulator!.stop();

        const after = await start();
        expect(await after.runtime.analyzeConversation(task)).to.deep.equal(answer);
        const port = new URL(emulator!.resources[0]!.endpoint).port;
        const movedUrl = statusUrl.replace(/:\d+\//, `:${port}/`);
        expect(await after.runtime.readTextJob(movedUrl)).to.deep.equal(job);
    });

    it("trains again, when first needed, models and deployments from before the runtime existed", async () => {
        const before = await start();
        await deployProject(before.authoring, travelConversation(), conversationTraining);
        const answer = await before.runtime.analyzeConversation(task);
        const summary = await before.authoring.read(summaryPath, conversationEvaluationSummarySchema);
        await emulator!.stop();

        // What an emulator without a runtime wrote: no trained model, no deployed predictor.
        const file = stateFileIn(dataDir);
        const state = JSON.parse(fs.readFileSync(file, "utf8"));
        const project = state.resources.primary.projects.TravelBot;
        delete project.models.v1.trained;
        delete project.deployments.production.predictor;
        delete state.resources.primary.textJobs;
        fs.writeFileSync(file, JSON.stringify(state));

        const after = await start();
        expect(await after.runtime.analyzeConversation(task)).to.deep.equal(answer);
        expect(await after.authoring.read(summaryPath, conversationEvaluationSummarySchema)).to.deep.equal(summary);
    });
});
