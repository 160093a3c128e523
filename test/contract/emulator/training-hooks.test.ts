import { expect } from "chai";
import {
    evaluationSummarySchema,
    pagedSchema,
    projectDeploymentSchema,
    projectTrainedModelSchema,
    summarizeEvaluation,
    trainingConfigVersionSchema,
    trainingJobStateSchema,
} from "../../../provider/contract";
import { AdminApiError } from "../../../emulator/admin-client";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining } from "./support/deploy-project";
import { expectBody, type LanguageApi } from "./support/language-api";
import { conversationTask, type RuntimeApi } from "./support/runtime-api";
import { startTestBed, type TestBed } from "./support/test-bed";
import { trainingConfigsOf } from "../../../emulator/catalog/training-configs";
import { defaultApiVersion } from "../../../provider/contract";

/** Queries the tests ask every model: one per intent of the fixture. */
const queries = ["book a flight to Oslo", "cancel booking ZZ9999", "what is the weather like"];

describe("emulator admin: what training does (configuration versions, model quality)", function () {
    let bed: TestBed;
    let clu: LanguageApi;
    let runtime: RuntimeApi;

    /** Trains `label` from the fixture and deploys it as `deployment`; the runtime's top intents for the queries. */
    async function trainAndAsk(label: string, deployment: string): Promise<string[]> {
        await clu.run(
            "POST",
            "/TravelBot/:train",
            { body: { ...conversationTraining, modelLabel: label } },
            trainingJobStateSchema,
        );
        await clu.run("PUT", `/TravelBot/deployments/${deployment}`, { body: { trainedModelLabel: label } });
        const answers: string[] = [];
        for (const query of queries) {
            const answer = await runtime.analyzeConversation(
                conversationTask("TravelBot", query, { deploymentName: deployment }),
            );
            answers.push(answer.result.prediction.topIntent ?? "");
        }
        return answers;
    }

    async function microF1(label: string): Promise<number> {
        const summary = expectBody(
            await clu.send("GET", `/TravelBot/models/${label}/evaluation/summary-result`),
            200,
            evaluationSummarySchema,
            "summary",
        );
        return summarizeEvaluation(summary).microF1;
    }

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        clu = bed.api("secondary", "analyze-conversations");
        runtime = bed.runtime("secondary");
        await clu.importProject(travelConversation());
    });

    afterEach(async () => {
        await bed.admin.resetTrainingConfigs();
        await bed.admin.clearModelQualityRules();
    });

    after(async () => {
        await bed.stop();
    });

    it("offers the versions it is given; latest trains with the newest, and deployments expire a year after it", async () => {
        const versions = [
            { trainingConfigVersion: "2022-09-01", modelExpirationDate: "2026-12-01" },
            { trainingConfigVersion: "2026-06-01", modelExpirationDate: "2028-06-01" },
        ];
        await bed.admin.setTrainingConfigs("Conversation", versions);
        expect(await bed.admin.trainingConfigs("Conversation")).to.deep.equal(versions);
        const listed = expectBody(
            await clu.send("GET", "/global/training-config-versions", { query: { projectKind: "Conversation" } }),
            200,
            pagedSchema(trainingConfigVersionSchema),
            "training config versions",
        );
        expect(listed.value).to.deep.equal(versions);
        await trainAndAsk("renewed", "production");
        const model = expectBody(
            await clu.send("GET", "/TravelBot/models/renewed"),
            200,
            projectTrainedModelSchema,
            "model",
        );
        expect(model).to.include({ modelTrainingConfigVersion: "2026-06-01", modelExpirationDate: "2028-06-01" });
        const deployed = expectBody(
            await clu.send("GET", "/TravelBot/deployments/production"),
            200,
            projectDeploymentSchema,
            "deployment",
        );
        expect(deployed.deploymentExpirationDate).to.equal("2029-06-01");
    });

    it("goes back to the published versions on reset", async () => {
        await bed.admin.setTrainingConfigs("Conversation", [
            { trainingConfigVersion: "2030-01-01", modelExpirationDate: "2031-01-01" },
        ]);
        await bed.admin.resetTrainingConfigs();
        expect(await bed.admin.trainingConfigs("Conversation")).to.deep.equal(
            trainingConfigsOf("Conversation", defaultApiVersion),
        );
    });

    it("makes the next model's evaluation poor while it still answers as trained", async () => {
        const honest = await trainAndAsk("honest", "honest");
        expect(await microF1("honest")).to.be.greaterThan(0);
        await bed.admin.degradeModels({ resource: "secondary", project: "TravelBot", quality: { evaluation: "poor" } });
        expect(await trainAndAsk("poor", "poor")).to.deep.equal(honest);
        expect(await microF1("poor")).to.equal(0);
        expect(await bed.admin.modelQualityRules(), "the rule hit its one training").to.deep.equal([]);
    });

    it("makes the next models' predictions diverge, as many times as asked", async () => {
        const honest = await trainAndAsk("honest", "honest");
        const rule = await bed.admin.degradeModels({
            project: "TravelBot",
            quality: { predictions: "diverge" },
            times: 2,
        });
        expect(rule).to.include({ remaining: 2 });
        const diverged = await trainAndAsk("diverged", "diverged");
        expect(diverged).to.not.deep.equal(honest);
        expect((await bed.admin.modelQualityRules())[0]).to.include({ remaining: 1 });
        await bed.admin.clearModelQualityRules();
        expect(await trainAndAsk("again", "again")).to.deep.equal(honest);
    });

    it("refuses a rule without an effect, and an unknown project kind", async () => {
        const refusal = (call: Promise<unknown>) =>
            call.then(
                () => undefined,
                (error: AdminApiError) => error.status,
            );
        expect(await refusal(bed.admin.degradeModels({ quality: {} as never }))).to.equal(400);
        expect(await refusal(bed.admin.trainingConfigs("Chat" as never))).to.equal(404);
    });
});
