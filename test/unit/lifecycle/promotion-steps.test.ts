import * as fs from "node:fs";
import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import type { RuntimeClient } from "../../../provider/client/runtime-client";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import { StepBlockedError, type StepRun } from "../../../provider/lifecycle/step-run";
import { stepRunners } from "../../../provider/lifecycle/step-runners";
import type { PlannedStep } from "../../../provider/plan/plan-replication";
import { checkedInputsFor } from "../../support/checked-inputs";
import { FakeClock } from "../../support/fake-clock";
import { failureOf } from "../../support/failure-of";

const candidate = "prod-0000000c";
const serving = "prod-0000000a";
const utterances = ["book a flight", "cancel it", "hello"];

const notFound = () => serviceError(404, "NotFound");
const serviceError = (status: number, code: string) =>
    new LanguageApiError({
        operation: "test",
        resource: "127.0.0.1:9/secondary",
        status,
        code,
        serviceMessage: code,
        innerCodes: [],
        isRetryable: false,
    });

/**
 * A secondary whose candidate scores `microF1` (after `pendingPolls` 404s of its evaluation), and
 * runtimes whose answers agree on `agreeing` of the three utterances. Every call is recorded, and
 * (apart) every job status polled.
 */
function service({ microF1 = 0.9, agreeing = 3, pendingPolls = 0, servingExists = true } = {}) {
    const calls: string[] = [];
    const polled: string[] = [];
    let modelOf: Record<string, string> = servingExists
        ? { prod: "m-a", "prod-staging": "m-c" }
        : { "prod-staging": "m-c" };
    const models: Record<string, string> = { "m-a": serving, "m-c": candidate };
    let evaluationPolls = 0;
    const job = (id: string) => ({
        state: { jobId: id, status: "succeeded", createdDateTime: "t", lastUpdatedDateTime: "t" },
    });
    const secondary = {
        transport: { resourceLabel: "127.0.0.1:9/secondary" },
        getEvaluationSummary: async (_project: string, label: string) => {
            calls.push(`evaluation ${label}`);
            if (evaluationPolls++ < pendingPolls) throw notFound();
            const metrics = {
                microF1,
                macroF1: microF1,
                microPrecision: 0,
                microRecall: 0,
                macroPrecision: 0,
                macroRecall: 0,
            };
            return { intentsEvaluation: { ...metrics, intents: {} }, entitiesEvaluation: { ...metrics, entities: {} } };
        },
        startExport: async () => (calls.push("export"), { statusUrl: "export-job" }),
        downloadExportedProject: async (_resultUrl: string, path: string) => {
            const file = {
                projectFileVersion: "2023-04-01",
                stringIndexType: "Utf16CodeUnit",
                metadata: { projectKind: "Conversation", projectName: "faq", language: "en-us" },
                assets: { projectKind: "Conversation", utterances: utterances.map((text) => ({ text, intent: "X" })) },
            };
            await fs.promises.writeFile(path, JSON.stringify(file));
        },
        pollJob: async (url: string) => (polled.push(url), { state: { ...job(url).state, resultUrl: "result" } }),
        startSwapDeployments: async () => {
            calls.push("swap");
            modelOf = { prod: modelOf["prod-staging"]!, "prod-staging": modelOf.prod! };
            return { statusUrl: "swap-job" };
        },
        startDeploy: async (_project: string, deployment: string, options: { trainedModelLabel: string }) => {
            calls.push(`deploy ${deployment} <- ${options.trainedModelLabel}`);
            modelOf[deployment] = Object.entries(models).find(([, label]) => label === options.trainedModelLabel)![0];
            return { statusUrl: "deploy-job" };
        },
        findDeployment: async (_project: string, deployment: string) =>
            modelOf[deployment] && {
                deploymentName: deployment,
                modelId: modelOf[deployment],
                lastTrainedDateTime: "t",
                lastDeployedDateTime: "t",
                deploymentExpirationDate: "2028-01-01",
                modelTrainingConfigVersion: "2022-09-01",
            },
        findModel: async (_project: string, label: string) => ({
            label,
            modelId: Object.entries(models).find(([, known]) => known === label)![0],
            lastTrainedDateTime: "t",
            lastTrainingDurationInSeconds: 1,
            modelExpirationDate: "2027-01-01",
            modelTrainingConfigVersion: "2022-09-01",
        }),
        deleteModel: async (_project: string, label: string) => {
            calls.push(`delete ${label}`);
            if (label === "prod-gone") throw notFound();
            if (label === "prod-locked") throw serviceError(409, "Conflict");
        },
    };
    const runtime = (side: "primary" | "secondary") =>
        ({
            analyzeConversation: async (task: { analysisInput: { conversationItem: { text: string } } }) => {
                calls.push(`predict ${side}`);
                const index = utterances.indexOf(task.analysisInput.conversationItem.text);
                const topIntent = side === "secondary" && index >= agreeing ? "Other" : `Intent${index}`;
                return {
                    kind: "ConversationResult",
                    result: {
                        query: "",
                        prediction: { projectKind: "Conversation", topIntent, intents: [], entities: [] },
                    },
                };
            },
        }) as unknown as RuntimeClient;
    return { secondary: secondary as unknown as AuthoringClient, runtime, calls, polled };
}

function stepRun(
    fake: ReturnType<typeof service>,
    promotion: Record<string, unknown>,
    state: Partial<ReplicaState> = {},
) {
    const clock = new FakeClock();
    const lines: string[] = [];
    const warnings: string[] = [];
    const run: StepRun = {
        inputs: checkedInputsFor({ promotion }),
        state: {
            importedContentHash: "sha256:new",
            trainedModel: { label: serving, modelId: "m-a" },
            deployment: { name: "prod", modelId: "m-a" },
            ...state,
        } as ReplicaState,
        primary: fake.secondary,
        secondary: fake.secondary,
        runtime: fake.runtime,
        context: () => ({
            clock,
            polling: { firstMs: 0, intervalMs: 10, maxMs: 40 },
            deadline: clock.now() + 60_000,
            log: (line) => lines.push(line),
            progress: () => undefined,
        }),
        warn: (line) => warnings.push(line),
        completed: [],
    };
    return { run, lines, warnings, clock };
}

const promote: PlannedStep = { name: "promote", reason: "test", label: candidate };
/** Read last by every step that changes what serves: the served model's evaluation, for the outputs. */
const outputsRead = `evaluation ${candidate}`;
const gate = { minMicroF1: 0.8, parity: { minAgreement: 0.9 } };

describe("promotion steps: the gate and the swap", () => {
    it("promotes a candidate that passes with the service's swap, recording the figures and the model before it", async () => {
        const fake = service();
        const { run, lines } = stepRun(fake, gate);
        await stepRunners.promote(run, promote);
        expect(lines).to.include(`promote: candidate ${candidate} passed (microF1 0.90 >= 0.80, parity 3/3 >= 0.90)`);
        expect(
            lines.filter((line) => line.startsWith("parity:")),
            "nothing answered differently",
        ).to.deep.equal([]);
        expect(fake.calls.filter((call) => !call.startsWith("predict"))).to.deep.equal([
            `evaluation ${candidate}`,
            "export",
            "swap",
            outputsRead,
        ]);
        expect(fake.calls.filter((call) => call === "predict primary")).to.have.length(3);
        expect(run.state.gate).to.include({ candidate, decision: "promoted" });
        expect(run.state.gate!.parity).to.deep.equal({ sampled: 3, agreed: 3, rate: 1 });
        expect(run.state.previousModel).to.deep.equal({ label: serving, modelId: "m-a" });
        expect(run.state.trainedModel!.label).to.equal(candidate);
        expect(run.state.stagingDeployment!.modelId).to.equal("m-a");
    });

    it("rejects a failing candidate in enforce mode: no swap, the figures beside the thresholds, remembered", async () => {
        const fake = service({ microF1: 0.4, agreeing: 1 });
        const { run } = stepRun(fake, gate);
        const error = (await failureOf(stepRunners.promote(run, promote))) as Error;
        expect(error).to.be.instanceOf(StepBlockedError);
        expect(error.message).to.equal(
            `the gate rejected candidate ${candidate} (microF1 0.40 < 0.80, parity 1/3 < 0.90); "prod" keeps serving ${serving}. ` +
                'It is not trained again: change the content, the training options or retrainToken, or set promotion.mode to "warn"',
        );
        expect(fake.calls).not.to.include("swap");
        expect(run.state.rejectedCandidates).to.have.length(1);
        expect(run.state.rejectedCandidates![0]).to.include({
            label: candidate,
            verdict: "microF1 0.40 < 0.80, parity 1/3 < 0.90",
        });
        expect(run.state.gate).to.include({ decision: "rejected" });
        expect(run.state.trainedModel!.label).to.equal(serving);
    });

    it("promotes a failing candidate in warn mode, with a warning", async () => {
        const fake = service({ microF1: 0.4 });
        const { run, warnings } = stepRun(fake, { ...gate, mode: "warn" });
        await stepRunners.promote(run, promote);
        expect(warnings).to.deep.equal([
            `promote: candidate ${candidate} failed the gate (microF1 0.40 < 0.80, parity 3/3 >= 0.90); promoted anyway, as promotion.mode is "warn"`,
        ]);
        expect(fake.calls).to.include("swap");
        expect(run.state.gate).to.include({ decision: "promoted despite failing (mode warn)" });
    });

    it("waits for an evaluation that is not ready yet, on the clock, without sleeping", async () => {
        const fake = service({ pendingPolls: 2 });
        const { run, clock } = stepRun(fake, { minMicroF1: 0.8 });
        await stepRunners.promote(run, promote);
        expect(fake.calls.filter((call) => call.startsWith("evaluation"))).to.have.length(3 + 1);
        expect(clock.sleeps).to.deep.equal([10, 15]);
    });

    it("deploys the first candidate as the serving deployment when none exists yet", async () => {
        const fake = service({ servingExists: false });
        const { run } = stepRun(fake, {}, { deployment: undefined, trainedModel: undefined });
        await stepRunners.promote(run, promote);
        expect(fake.calls).to.deep.equal([`evaluation ${candidate}`, `deploy prod <- ${candidate}`, outputsRead]);
        expect(run.state).not.to.have.property("previousModel");
    });

    it("adopts the swap a killed run started after its gate passed, without measuring again", async () => {
        const fake = service();
        const pendingJob = {
            step: "promote" as const,
            target: `prod <- ${candidate}`,
            statusUrl: "left",
            contentHash: "sha256:new",
        };
        const { run } = stepRun(fake, gate, { pendingJob });
        await stepRunners.promote(run, promote);
        expect(fake.calls).to.deep.equal([outputsRead]);
    });

    it("fails a blocked step with its reason, changing nothing", async () => {
        const fake = service();
        const { run } = stepRun(fake, gate);
        const error = (await failureOf(
            stepRunners.promote(run, { ...promote, blocked: true, reason: "rejected before" }),
        )) as Error;
        expect(error).to.be.instanceOf(StepBlockedError).and.have.property("message", "rejected before");
        expect(fake.calls).to.deep.equal([]);
    });

    it("rolls back by swapping, and prunes models, a model already gone included", async () => {
        const fake = service();
        const { run } = stepRun(fake, gate, { keptModels: [] });
        await stepRunners.swap(run, { name: "swap", reason: "rollback", label: candidate });
        expect(fake.calls).to.deep.equal(["swap", outputsRead]);
        await stepRunners.prune(run, { name: "prune", reason: "keep 2", labels: ["prod-old", "prod-gone"] });
        expect(fake.calls.slice(2)).to.deep.equal(["delete prod-old", "delete prod-gone"]);
    });

    it("stages a candidate in the staging deployment, recording the job while it runs and the deployment after", async () => {
        const fake = service();
        const { run } = stepRun(fake, gate, { stagingDeployment: undefined });
        const outcome = await stepRunners.stage(run, { name: "stage", reason: "test", label: candidate });
        expect(outcome).to.equal("ran");
        expect(fake.calls).to.deep.equal([`deploy prod-staging <- ${candidate}`]);
        expect(fake.polled).to.deep.equal(["deploy-job"]);
        expect(run.state.pendingJob).to.deep.equal({
            step: "stage",
            target: `prod-staging <- ${candidate}`,
            statusUrl: "deploy-job",
            contentHash: "sha256:new",
        });
        expect(run.state.stagingDeployment).to.include({ name: "prod-staging", modelId: "m-c" });
    });

    it("records a swap as a job of its step, waits for it, and counts it as run", async () => {
        const fake = service();
        const { run } = stepRun(fake, gate, { importedContentHash: undefined });
        const outcome = await stepRunners.swap(run, { name: "swap", reason: "rollback", label: candidate });
        expect(outcome).to.equal("ran");
        expect(fake.polled).to.deep.equal(["swap-job"]);
        expect(run.state.pendingJob).to.deep.equal({
            step: "swap",
            target: `prod <- ${candidate}`,
            statusUrl: "swap-job",
            contentHash: "",
        });
    });

    it("waits for the first deployment of a candidate, and counts the promotion as run", async () => {
        const fake = service({ servingExists: false });
        const { run } = stepRun(fake, {}, { deployment: undefined, trainedModel: undefined });
        expect(await stepRunners.promote(run, promote)).to.equal("ran");
        expect(fake.polled).to.deep.equal(["deploy-job"]);
        expect(run.state.pendingJob).to.include({ step: "promote", target: `prod <- ${candidate}` });
    });

    it("names an example of each disagreement the parity probe found", async () => {
        const fake = service({ agreeing: 1 });
        const { run, lines } = stepRun(fake, { ...gate, mode: "warn" });
        await stepRunners.promote(run, promote);
        const said = lines.filter((line) => line.startsWith("parity: answered differently, e.g. "));
        expect(said).to.have.length(1);
        expect(said[0]).to.match(/"cancel it".*; .*"hello"/);
    });

    it("remembers the last ten rejections, and says nothing serves when nothing does", async () => {
        const fake = service({ microF1: 0.4 });
        const earlier = Array.from({ length: 10 }, (_, index) => ({
            label: `prod-${index}`,
            verdict: "v",
            rejectedAt: "t",
        }));
        const { run } = stepRun(fake, gate, { rejectedCandidates: earlier, trainedModel: undefined });
        const error = (await failureOf(stepRunners.promote(run, promote))) as Error;
        expect(error.message).to.include('"prod" keeps serving nothing');
        expect(run.state.rejectedCandidates!.map((rejected) => rejected.label)).to.deep.equal([
            ...earlier.slice(1).map((rejected) => rejected.label),
            candidate,
        ]);
    });

    it("prunes: says why each model goes, forgets it, and stops at a model the service refuses to delete", async () => {
        const fake = service();
        const kept = (label: string) => ({ label, modelId: label, lastTrainedDateTime: "t" });
        const { run, lines } = stepRun(fake, gate, {
            keptModels: [kept("prod-new"), kept("prod-old"), kept("prod-locked"), kept("prod-last")],
        });
        const prune: PlannedStep = {
            name: "prune",
            reason: "keep 2",
            labels: ["prod-old", "prod-locked", "prod-last"],
        };

        const error = await failureOf(stepRunners.prune(run, prune));

        expect(error).to.be.instanceOf(LanguageApiError).and.have.property("status", 409);
        expect(lines).to.deep.equal([
            "deleting model prod-old: older than the 2 kept, and not serving",
            "deleting model prod-locked: older than the 2 kept, and not serving",
        ]);
        expect(run.state.keptModels!.map((model) => model.label)).to.deep.equal([
            "prod-new",
            "prod-locked",
            "prod-last",
        ]);
        expect(fake.calls).to.not.include("delete prod-last");
    });

    it("prunes a replica that recorded no kept models", async () => {
        const fake = service();
        const { run } = stepRun(fake, gate, { keptModels: undefined });
        expect(await stepRunners.prune(run, { name: "prune", reason: "keep 2", labels: ["prod-old"] })).to.equal("ran");
        expect(run.state.keptModels).to.deep.equal([]);
    });
});
