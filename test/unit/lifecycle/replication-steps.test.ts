import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import type { TrainingJobState } from "../../../provider/contract";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import type { StepRun } from "../../../provider/lifecycle/step-run";
import { stepRunners } from "../../../provider/lifecycle/step-runners";
import type { PlannedStep } from "../../../provider/plan/plan-replication";
import { checkedInputsFor } from "../../support/checked-inputs";
import { FakeClock } from "../../support/fake-clock";

const inputs = checkedInputsFor();
const trainTarget = 'prod <- {"trainingConfigVersion":"latest","trainingMode":"standard"}';
const base = `http://127.0.0.1:9/secondary/language/authoring/analyze-conversations/projects/faq`;

const trainStep: PlannedStep = { name: "train", reason: "test", label: "prod" };

function trainingJob(
    jobId: string,
    status: TrainingJobState["status"],
    createdDateTime: string,
    trainingMode: "standard" | "advanced" = "standard",
    modelLabel = "prod",
): TrainingJobState {
    const phase = { percentComplete: status === "succeeded" ? 100 : 50, status };
    return {
        jobId,
        status,
        createdDateTime,
        lastUpdatedDateTime: createdDateTime,
        result: { modelLabel, trainingConfigVersion: "2022-09-01", trainingMode, trainingStatus: phase },
    };
}

/** A secondary that answers the training calls from what the test sets, recording every call. */
function fakeSecondary(running: TrainingJobState[]) {
    const calls: string[] = [];
    const client = {
        transport: { resourceLabel: "127.0.0.1:9/secondary" },
        listTrainingJobs: async () => (calls.push("list"), running),
        trainingJobStatusUrl: (_project: string, jobId: string) => `${base}/train/jobs/${jobId}`,
        startCancelTraining: async (_project: string, jobId: string) => (
            calls.push(`cancel ${jobId}`),
            { statusUrl: `${base}/train/jobs/${jobId}` }
        ),
        startTraining: async () => (calls.push("start"), { statusUrl: `${base}/train/jobs/new` }),
        pollTrainingJob: async (url: string) => {
            calls.push(`poll ${url.split("/").pop()}`);
            const id = url.split("/").pop()!;
            return {
                state: trainingJob(
                    id,
                    id === "old" && calls.some((c) => c.startsWith("cancel")) ? "cancelled" : "succeeded",
                    "2026-11-22T08:00:00Z",
                ),
            };
        },
        getModel: async () => ({ label: "prod", modelId: "prod-2", lastTrainedDateTime: "2026-11-22T08:00:00Z" }),
    };
    return { client: client as unknown as AuthoringClient, calls };
}

/** What the steps said, by any of the runs below. */
let said: string[] = [];

function stepRun(
    secondary: AuthoringClient,
    state: Partial<ReplicaState>,
    completed: StepRun["completed"] = [],
    runInputs = inputs,
): StepRun {
    const clock = new FakeClock();
    return {
        inputs: runInputs,
        state: {
            importedContentHash: "sha256:new",
            importedLastModifiedDateTime: "2026-11-22T07:00:00Z",
            ...state,
        } as ReplicaState,
        primary: secondary,
        secondary,
        runtime: () => {
            throw new Error("no prediction in these tests");
        },
        warn: () => undefined,
        context: () => ({
            clock,
            polling: { firstMs: 10, intervalMs: 10, maxMs: 10 },
            deadline: clock.now() + 60_000,
            log: (line) => said.push(line),
            progress: () => undefined,
        }),
        completed,
    };
}

describe("replication steps: which training job a run waits for", () => {
    beforeEach(() => {
        said = [];
    });

    it("waits for the job an earlier run left pending for this content and target", async () => {
        const { client, calls } = fakeSecondary([]);
        const pendingJob = {
            step: "train" as const,
            target: trainTarget,
            contentHash: "sha256:new",
            statusUrl: `${base}/train/jobs/left`,
        };
        const run = stepRun(client, { pendingJob });
        await stepRunners.train(run, trainStep);
        expect(calls).to.deep.equal(["poll left"]);
        expect(run.state.keptModels).to.deep.equal([
            {
                label: "prod",
                modelId: "prod-2",
                lastTrainedDateTime: "2026-11-22T08:00:00Z",
                trainedFrom: { contentHash: "sha256:new", trainingSignature: trainTarget.split(" <- ")[1] },
            },
        ]);
    });

    it("adopts a job of this label already running since the last import", async () => {
        const { client, calls } = fakeSecondary([trainingJob("running", "running", "2026-11-22T07:30:00Z")]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "poll running"]);
        expect(said).to.deep.equal(["adopting training job running (running) of this content"]);
    });

    it("adopts a job that started the moment the import ended", async () => {
        const { client, calls } = fakeSecondary([trainingJob("same-time", "running", "2026-11-22T07:00:00Z")]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "poll same-time"]);
    });

    it("adopts a job of the configuration version asked for, and trains again for another version", async () => {
        const pinned = checkedInputsFor({ training: { trainingConfigVersion: "2022-09-01" } });
        const same = fakeSecondary([trainingJob("same", "succeeded", "2026-11-22T07:30:00Z")]);
        await stepRunners.train(stepRun(same.client, {}, [], pinned), trainStep);
        expect(same.calls).to.deep.equal(["list", "poll same"]);

        const other = checkedInputsFor({ training: { trainingConfigVersion: "2023-04-15" } });
        const older = fakeSecondary([trainingJob("older-config", "succeeded", "2026-11-22T07:30:00Z")]);
        await stepRunners.train(stepRun(older.client, {}, [], other), trainStep);
        expect(older.calls).to.deep.equal(["list", "start", "poll new"]);
    });

    it("adopts a job that does not show its training mode", async () => {
        const job = trainingJob("no-mode", "succeeded", "2026-11-22T07:30:00Z");
        delete (job.result as { trainingMode?: string }).trainingMode;
        const { client, calls } = fakeSecondary([job]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "poll no-mode"]);
    });

    it("records the trained model first among the kept ones, replacing an older record of its label", async () => {
        const { client } = fakeSecondary([]);
        const keptModels = [
            { label: "prod", modelId: "prod-1", lastTrainedDateTime: "t" },
            { label: "prod-0123abcd", modelId: "m0", lastTrainedDateTime: "t" },
        ];
        const run = stepRun(client, { keptModels });
        await stepRunners.train(run, trainStep);
        expect(run.state.keptModels!.map((model) => `${model.label} ${model.modelId}`)).to.deep.equal([
            "prod prod-2",
            "prod-0123abcd m0",
        ]);
    });

    it("cancels a job that trains content older than the import, then starts a new one", async () => {
        const { client, calls } = fakeSecondary([trainingJob("old", "running", "2026-11-22T06:00:00Z")]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "cancel old", "poll old", "start", "poll new"]);
        expect(said).to.deep.equal(["cancelling training job old: it trains older content or other options"]);
    });

    it("never adopts a running job after importing in the same run", async () => {
        const { client, calls } = fakeSecondary([trainingJob("old", "running", "2026-11-22T07:30:00Z")]);
        const pendingJob = {
            step: "train" as const,
            target: trainTarget,
            contentHash: "sha256:new",
            statusUrl: `${base}/train/jobs/left`,
        };
        await stepRunners.train(stepRun(client, { pendingJob }, ["import"]), trainStep);
        expect(calls).to.deep.equal(["list", "cancel old", "poll old", "start", "poll new"]);
    });

    it("takes the result of a job of this label that succeeded since the import, as a killed run leaves it", async () => {
        const { client, calls } = fakeSecondary([
            trainingJob("older", "succeeded", "2026-11-22T06:00:00Z"),
            trainingJob("killed-run", "succeeded", "2026-11-22T07:30:00Z"),
        ]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "poll killed-run"]);
    });

    it("trains again when the job since the import used another training mode", async () => {
        const { client, calls } = fakeSecondary([
            trainingJob("advanced", "succeeded", "2026-11-22T07:30:00Z", "advanced"),
        ]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "start", "poll new"]);
    });

    it("trains again when the newest job of this label failed", async () => {
        const { client, calls } = fakeSecondary([trainingJob("failed", "failed", "2026-11-22T07:30:00Z")]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "start", "poll new"]);
    });

    it("ignores a pending job of another model label or other options", async () => {
        const { client, calls } = fakeSecondary([]);
        const pendingJob = {
            step: "train" as const,
            target: "v1 <- {}",
            contentHash: "sha256:new",
            statusUrl: `${base}/train/jobs/left`,
        };
        await stepRunners.train(stepRun(client, { pendingJob }), trainStep);
        expect(calls).to.deep.equal(["list", "start", "poll new"]);
    });

    it("cancels a running job of another of the replica's candidates: it trains older content", async () => {
        const stale = trainingJob("old", "running", "2026-11-22T07:30:00Z", "standard", "prod-0123abcd");
        const { client, calls } = fakeSecondary([stale]);
        await stepRunners.train(stepRun(client, {}), trainStep);
        expect(calls).to.deep.equal(["list", "cancel old", "poll old", "start", "poll new"]);
    });

    it("leaves a running job of a label that is not the replica's, and says so", async () => {
        const theirs = trainingJob("theirs", "running", "2026-11-22T07:30:00Z", "standard", "experiment");
        const { client, calls } = fakeSecondary([theirs]);
        const failure = await stepRunners.train(stepRun(client, {}), trainStep).then(
            () => "trained",
            (error: Error) => error.message,
        );
        expect(failure).to.match(/job theirs is already training model "experiment"/);
        expect(calls).to.deep.equal(["list"]);
    });
});
