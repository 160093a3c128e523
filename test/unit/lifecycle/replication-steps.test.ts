import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import type { TrainingJobState } from "../../../provider/contract";
import { checkedInputsSchema } from "../../../provider/lifecycle/inputs";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import { type StepRun, stepRunners } from "../../../provider/lifecycle/replication-steps";
import { FakeClock } from "../../support/fake-clock";

const inputs = checkedInputsSchema.parse({
    primary: { endpoint: "http://127.0.0.1:9/primary", key: "p" },
    secondary: { endpoint: "http://127.0.0.1:9/secondary", key: "s" },
    projectName: "faq",
    secondaryProjectName: "faq",
    projectKind: "Conversation",
    deploymentName: "prod",
    modelLabel: "prod",
    primaryRevision: {
        lastModifiedDateTime: "2026-11-20T10:00:00Z",
        contentHash: "sha256:new",
        items: {},
        changes: "",
    },
});
const trainTarget = 'prod <- {"trainingConfigVersion":"latest","trainingMode":"standard"}';
const base = `http://127.0.0.1:9/secondary/language/authoring/analyze-conversations/projects/faq`;

function trainingJob(
    jobId: string,
    status: TrainingJobState["status"],
    createdDateTime: string,
    trainingMode: "standard" | "advanced" = "standard",
): TrainingJobState {
    const phase = { percentComplete: status === "succeeded" ? 100 : 50, status };
    return {
        jobId,
        status,
        createdDateTime,
        lastUpdatedDateTime: createdDateTime,
        result: { modelLabel: "prod", trainingConfigVersion: "2022-09-01", trainingMode, trainingStatus: phase },
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
        findModel: async () => undefined,
    };
    return { client: client as unknown as AuthoringClient, calls };
}

function stepRun(
    secondary: AuthoringClient,
    state: Partial<ReplicaState>,
    completed: StepRun["completed"] = [],
): StepRun {
    const clock = new FakeClock();
    return {
        inputs,
        state: {
            importedContentHash: "sha256:new",
            importedLastModifiedDateTime: "2026-11-22T07:00:00Z",
            ...state,
        } as ReplicaState,
        primary: secondary,
        secondary,
        context: () => ({
            clock,
            polling: { firstMs: 10, intervalMs: 10, maxMs: 10 },
            deadline: clock.now() + 60_000,
            log: () => undefined,
            progress: () => undefined,
        }),
        completed,
    };
}

describe("replication steps: which training job a run waits for", () => {
    it("waits for the job an earlier run left pending for this content and target", async () => {
        const { client, calls } = fakeSecondary([]);
        const pendingJob = {
            step: "train" as const,
            target: trainTarget,
            contentHash: "sha256:new",
            statusUrl: `${base}/train/jobs/left`,
        };
        const run = stepRun(client, { pendingJob });
        await stepRunners.train(run);
        expect(calls).to.deep.equal(["poll left"]);
        expect(run.state.trainedFrom).to.deep.equal({
            contentHash: "sha256:new",
            trainingSignature: trainTarget.split(" <- ")[1],
        });
    });

    it("adopts a job of this label already running since the last import", async () => {
        const { client, calls } = fakeSecondary([trainingJob("running", "running", "2026-11-22T07:30:00Z")]);
        await stepRunners.train(stepRun(client, {}));
        expect(calls).to.deep.equal(["list", "poll running"]);
    });

    it("cancels a job that trains content older than the import, then starts a new one", async () => {
        const { client, calls } = fakeSecondary([trainingJob("old", "running", "2026-11-22T06:00:00Z")]);
        await stepRunners.train(stepRun(client, {}));
        expect(calls).to.deep.equal(["list", "cancel old", "poll old", "start", "poll new"]);
    });

    it("never adopts a running job after importing in the same run", async () => {
        const { client, calls } = fakeSecondary([trainingJob("old", "running", "2026-11-22T07:30:00Z")]);
        const pendingJob = {
            step: "train" as const,
            target: trainTarget,
            contentHash: "sha256:new",
            statusUrl: `${base}/train/jobs/left`,
        };
        await stepRunners.train(stepRun(client, { pendingJob }, ["import"]));
        expect(calls).to.deep.equal(["list", "cancel old", "poll old", "start", "poll new"]);
    });

    it("takes the result of a job of this label that succeeded since the import, as a killed run leaves it", async () => {
        const { client, calls } = fakeSecondary([
            trainingJob("older", "succeeded", "2026-11-22T06:00:00Z"),
            trainingJob("killed-run", "succeeded", "2026-11-22T07:30:00Z"),
        ]);
        await stepRunners.train(stepRun(client, {}));
        expect(calls).to.deep.equal(["list", "poll killed-run"]);
    });

    it("trains again when the job since the import used another training mode", async () => {
        const { client, calls } = fakeSecondary([
            trainingJob("advanced", "succeeded", "2026-11-22T07:30:00Z", "advanced"),
        ]);
        await stepRunners.train(stepRun(client, {}));
        expect(calls).to.deep.equal(["list", "start", "poll new"]);
    });

    it("trains again when the newest job of this label failed", async () => {
        const { client, calls } = fakeSecondary([trainingJob("failed", "failed", "2026-11-22T07:30:00Z")]);
        await stepRunners.train(stepRun(client, {}));
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
        await stepRunners.train(stepRun(client, { pendingJob }));
        expect(calls).to.deep.equal(["list", "start", "poll new"]);
    });
});
