import { expect } from "chai";
import { summarizeEvaluation } from "../../../provider/contract";
import { JobFailedError } from "../../../provider/lro/job-errors";
import {
    cancelTraining,
    findLatestTraining,
    readTrainedModel,
    startTraining,
} from "../../../provider/operations/train-model";
import { cluTrainingSucceededBeforeEvaluation } from "../../fixtures/contract/jobs";
import { failureOf } from "../../support/failure-of";
import {
    authoringClientOf,
    project,
    recordingContext,
    scriptedClient,
    scriptedClientOf,
    scriptedEndpoint,
    seededEmulator,
} from "../../support/operation-bed";

/** A training job as the service lists it. */
function job(jobId: string, modelLabel: string, status: string, createdDateTime: string, trainingMode?: string) {
    const { result, ...state } = cluTrainingSucceededBeforeEvaluation();
    const { trainingMode: _, ...withoutMode } = result;
    return {
        ...state,
        jobId,
        status,
        createdDateTime,
        result: { ...withoutMode, modelLabel, ...(trainingMode && { trainingMode }) },
    };
}

const listing = (...jobs: ReturnType<typeof job>[]) => ({ status: 200, json: { value: jobs } });
const isOurs = (label: string) => label !== "theirs";
const accepted = (path: string) => ({
    status: 202,
    headers: {
        "operation-location": `${scriptedEndpoint}/language/authoring/analyze-conversations/projects/travel/${path}?api-version=2023-04-01`,
    },
});

describe("findLatestTraining: a training to adopt instead of paying for another", () => {
    it("takes the newest succeeded job of the label, skipping failed and cancelled ones, with a running job of another of ours as stale", async () => {
        const { client } = scriptedClient(
            listing(
                job("a", "m", "succeeded", "2026-11-22T08:00:00Z"),
                job("b", "m", "failed", "2026-11-22T09:00:00Z"),
                job("c", "m", "succeeded", "2026-11-22T08:30:00Z", "advanced"),
                job("d", "old", "running", "2026-11-22T07:00:00Z", "standard"),
                job("e", "m", "cancelled", "2026-11-22T10:00:00Z"),
            ),
        );
        expect(await findLatestTraining(client, "travel", "m", isOurs)).to.deep.equal({
            latest: {
                jobId: "c",
                statusUrl: client.trainingJobStatusUrl("travel", "c"),
                createdDateTime: "2026-11-22T08:30:00Z",
                running: false,
                status: "succeeded",
                trainingConfigVersion: "2023-04-15",
                trainingMode: "advanced",
            },
            stale: {
                jobId: "d",
                statusUrl: client.trainingJobStatusUrl("travel", "d"),
                createdDateTime: "2026-11-22T07:00:00Z",
                running: true,
                status: "running",
                trainingConfigVersion: "2023-04-15",
                trainingMode: "standard",
            },
        });
    });

    it("adopts a job of the label still running, which is not stale", async () => {
        const { client } = scriptedClient(
            listing(
                job("a", "m", "succeeded", "2026-11-22T08:00:00Z"),
                job("f", "m", "notStarted", "2026-11-22T08:45:00Z"),
            ),
        );
        const found = await findLatestTraining(client, "travel", "m", isOurs);
        expect(Object.keys(found)).to.deep.equal(["latest"]);
        expect(found.latest).to.include({ jobId: "f", running: true, status: "notStarted" });
        expect(found.latest).to.not.have.property("trainingMode");
    });

    it("finds nothing on a project never trained", async () => {
        const { client } = scriptedClient(listing(job("g", "other", "succeeded", "2026-11-22T08:00:00Z")));
        expect(await findLatestTraining(client, "travel", "m", isOurs)).to.deep.equal({});
    });

    it("refuses to start while someone else's job trains, naming it and what to do", async () => {
        const { client } = scriptedClient(
            listing(
                job("h", "theirs", "succeeded", "2026-11-22T07:00:00Z"),
                job("i", "theirs", "running", "2026-11-22T08:00:00Z"),
            ),
        );
        const error = (await failureOf(findLatestTraining(client, "travel", "m", isOurs))) as Error;
        expect(error.message).to.equal(
            `training project "travel" on ${client.transport.resourceLabel}: job i is already training model "theirs"; ` +
                "the service runs one training job per project: wait for it or cancel it, then run again",
        );
    });
});

describe("cancelTraining: a training job stopped before a new one starts", () => {
    it("cancels the job and waits until it ends cancelled", async () => {
        const { client, clock, requests, remaining } = scriptedClient(accepted("train/jobs/j1/cancel/jobs/c1"), {
            status: 200,
            json: job("j1", "m", "cancelled", "2026-11-22T08:00:00Z"),
        });
        const context = recordingContext(clock);
        await cancelTraining(client, "travel", "j1", context);
        expect(`${requests[0]!.method} ${new URL(requests[0]!.url).pathname}`).to.equal(
            "POST /secondary/language/authoring/analyze-conversations/projects/travel/train/jobs/j1/:cancel",
        );
        expect(remaining()).to.equal(0);
        expect(context.progressed.at(-1)).to.match(/^cancelling training job j1 of "travel" on .+: cancelled/);
    });

    it("passes on a cancellation that fails", async () => {
        const { client, clock } = scriptedClient(accepted("train/jobs/j1/cancel/jobs/c1"), {
            status: 200,
            json: job("j1", "m", "failed", "2026-11-22T08:00:00Z"),
        });
        const error = await failureOf(cancelTraining(client, "travel", "j1", recordingContext(clock)));
        expect(error).to.be.instanceOf(JobFailedError);
        expect((error as JobFailedError).job.status).to.equal("failed");
    });
});

describe("startTraining: the body of the project's family", () => {
    async function bodyOf(kind: Parameters<typeof startTraining>[2], request: Parameters<typeof startTraining>[3]) {
        const family = kind === "Conversation" || kind === "Orchestration" ? "analyze-conversations" : "analyze-text";
        const { client, requests } = scriptedClientOf(family, accepted("train/jobs/t1"));
        await startTraining(client, "travel", kind, request);
        return JSON.parse(requests[0]!.body as string);
    }

    it("gives conversations a training mode, standard unless asked otherwise", async () => {
        expect(await bodyOf("Conversation", { modelLabel: "m", trainingConfigVersion: "latest" })).to.deep.equal({
            modelLabel: "m",
            trainingConfigVersion: "latest",
            trainingMode: "standard",
        });
        const evaluation = { kind: "percentage" as const, trainingSplitPercentage: 90, testingSplitPercentage: 10 };
        const request = {
            modelLabel: "m",
            trainingConfigVersion: "latest",
            trainingMode: "advanced" as const,
            evaluation,
        };
        expect(await bodyOf("Orchestration", request)).to.deep.equal({
            modelLabel: "m",
            trainingConfigVersion: "latest",
            evaluationOptions: evaluation,
            trainingMode: "advanced",
        });
    });

    it("gives text projects no training mode", async () => {
        const request = { modelLabel: "m", trainingConfigVersion: "latest", trainingMode: "advanced" as const };
        expect(await bodyOf("CustomEntityRecognition", request)).to.deep.equal({
            modelLabel: "m",
            trainingConfigVersion: "latest",
        });
    });
});

describe("readTrainedModel: a trained model as outputs show it, with its evaluation", () => {
    it("reads the model and its scores, and nothing for a label never trained", async () => {
        const emulator = await seededEmulator(["secondary"]);
        const secondary = authoringClientOf(emulator, "secondary");
        const model = (await secondary.findModel(project, "production"))!;
        const scores = summarizeEvaluation(await secondary.getEvaluationSummary(project, "production"));
        expect(await readTrainedModel(secondary, project, "production")).to.deep.equal({
            label: "production",
            modelId: model.modelId,
            lastTrainedDateTime: model.lastTrainedDateTime,
            trainingDurationSeconds: model.lastTrainingDurationInSeconds,
            trainingConfigVersion: model.modelTrainingConfigVersion,
            modelExpirationDate: model.modelExpirationDate,
            evaluation: { status: "succeeded", microF1: scores.microF1, macroF1: scores.macroF1 },
        });
        expect(await readTrainedModel(secondary, project, "absent")).to.equal(undefined);
    });

    const model = {
        label: "m",
        modelId: "m-1",
        lastTrainedDateTime: "2026-11-22T08:00:00Z",
        lastTrainingDurationInSeconds: 30,
        modelExpirationDate: "2027-11-22",
        modelTrainingConfigVersion: "2023-04-15",
    };

    it("reports an evaluation that has not run yet as pending", async () => {
        const { client } = scriptedClient(
            { status: 200, json: model },
            { status: 404, json: { error: { code: "NotFound", message: "no evaluation yet" } } },
        );
        expect((await readTrainedModel(client, "travel", "m"))?.evaluation).to.deep.equal({ status: "pending" });
    });

    it("passes on an evaluation that cannot be read", async () => {
        const { client } = scriptedClient(
            { status: 200, json: model },
            { status: 403, json: { error: { code: "Forbidden", message: "no" } } },
        );
        expect(((await failureOf(readTrainedModel(client, "travel", "m"))) as Error).message).to.include(
            "403 Forbidden",
        );
    });
});
