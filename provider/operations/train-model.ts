import type { AuthoringClient, StartedJob } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import {
    type EvaluationOptions,
    jobStatusMeanings,
    type ProjectKind,
    type ProjectTrainedModel,
    summarizeEvaluation,
    type TrainingJobState,
} from "../contract";
import { JobFailedError } from "../lro/job-errors";
import { awaitTrainingJob } from "./await-job";
import type { OperationContext } from "./operation-context";

/** What the user asked training to use; the same for every kind, trainingMode only for conversations. */
export interface TrainingRequest {
    modelLabel: string;
    trainingConfigVersion: string;
    trainingMode?: "standard" | "advanced";
    evaluation?: EvaluationOptions;
}

/** The trained model as outputs show it; the evaluation may still be running. */
export interface TrainedModel {
    label: string;
    modelId: string;
    lastTrainedDateTime: string;
    trainingDurationSeconds: number;
    trainingConfigVersion: string;
    modelExpirationDate: string;
    evaluation: { status: "succeeded"; microF1: number; macroF1: number } | { status: "pending" };
}

const training = (client: AuthoringClient, project: string) =>
    `training project "${project}" on ${client.transport.resourceLabel}`;

/** The newest training job of a model label on the service. */
export interface FoundTraining {
    jobId: string;
    statusUrl: string;
    createdDateTime: string;
    /** Still queued or training; otherwise it ended. */
    running: boolean;
    status: TrainingJobState["status"];
    trainingConfigVersion: string;
    trainingMode?: "standard" | "advanced";
}

/**
 * The newest training job of this model label that is running or succeeded, if any: a job to
 * wait for or to take the result of, instead of training again (training is billed). The
 * service runs one training job per project, so a running job of a label that is not the
 * replica's (`isOurs`) is reported rather than cancelled: someone else started it. A running job
 * of another of the replica's labels is returned as `stale`, for the caller to cancel.
 */
export async function findLatestTraining(
    client: AuthoringClient,
    project: string,
    modelLabel: string,
    isOurs: (label: string) => boolean,
    signal?: AbortSignal,
): Promise<{ latest?: FoundTraining; stale?: FoundTraining }> {
    const jobs = await client.listTrainingJobs(project, signal);
    const running = (job: TrainingJobState) => !jobStatusMeanings[job.status].terminal;
    const other = jobs.find((job) => running(job) && !isOurs(job.result.modelLabel));
    if (other) {
        throw new Error(
            `${training(client, project)}: job ${other.jobId} is already training model "${other.result.modelLabel}"; ` +
                "the service runs one training job per project: wait for it or cancel it, then run again",
        );
    }
    const found = (job: TrainingJobState): FoundTraining => ({
        jobId: job.jobId,
        statusUrl: client.trainingJobStatusUrl(project, job.jobId),
        createdDateTime: job.createdDateTime,
        running: running(job),
        status: job.status,
        trainingConfigVersion: job.result.trainingConfigVersion,
        ...(job.result.trainingMode && { trainingMode: job.result.trainingMode }),
    });
    const newest = jobs
        .filter((job) => job.result.modelLabel === modelLabel && (running(job) || job.status === "succeeded"))
        .sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime))[0];
    const stale = jobs.find((job) => running(job) && job.result.modelLabel !== modelLabel);
    return { ...(newest && { latest: found(newest) }), ...(stale && { stale: found(stale) }) };
}

/**
 * Cancels a training job and waits until it stops. A text job may pass through `cancelling` and
 * still end `succeeded`; either way it no longer blocks a new training.
 */
export async function cancelTraining(
    client: AuthoringClient,
    project: string,
    jobId: string,
    context: OperationContext,
): Promise<void> {
    const operation = `cancelling training job ${jobId} of "${project}" on ${client.transport.resourceLabel}`;
    const { statusUrl } = await client.startCancelTraining(project, jobId, context.signal);
    try {
        await awaitTrainingJob(client, statusUrl, operation, "cancelTraining", context);
    } catch (error) {
        if (!(error instanceof JobFailedError && error.job.status === "cancelled")) throw error;
    }
}

/** Starts training with the body of the project's family (conversations need a training mode). */
export function startTraining(
    client: AuthoringClient,
    project: string,
    kind: ProjectKind,
    request: TrainingRequest,
    signal?: AbortSignal,
): Promise<StartedJob> {
    const common = {
        modelLabel: request.modelLabel,
        trainingConfigVersion: request.trainingConfigVersion,
        ...(request.evaluation ? { evaluationOptions: request.evaluation } : {}),
    };
    const conversational = kind === "Conversation" || kind === "Orchestration";
    const body = conversational ? { ...common, trainingMode: request.trainingMode ?? "standard" } : common;
    return client.startTraining(project, body, signal);
}

/** Waits for a training job, started by this run or adopted. */
export function awaitTraining(
    client: AuthoringClient,
    project: string,
    statusUrl: string,
    context: OperationContext,
): Promise<TrainingJobState> {
    return awaitTrainingJob(client, statusUrl, training(client, project), "train", context);
}

/**
 * Reads the model a training produced and its evaluation. A conversations job can report
 * `succeeded` before its evaluation ran: the model is deployable then, so the evaluation is
 * reported as pending rather than waited for; a later refresh fills it in.
 */
export async function readTrainedModel(
    client: AuthoringClient,
    project: string,
    label: string,
    signal?: AbortSignal,
): Promise<TrainedModel | undefined> {
    const model = await client.findModel(project, label, signal);
    return model && trainedModelOf(client, project, model, signal);
}

/** A model as listed or read, with its evaluation. */
export async function trainedModelOf(
    client: AuthoringClient,
    project: string,
    model: ProjectTrainedModel,
    signal?: AbortSignal,
): Promise<TrainedModel> {
    return {
        label: model.label,
        modelId: model.modelId,
        lastTrainedDateTime: model.lastTrainedDateTime,
        trainingDurationSeconds: model.lastTrainingDurationInSeconds,
        trainingConfigVersion: model.modelTrainingConfigVersion,
        modelExpirationDate: model.modelExpirationDate,
        evaluation: await readEvaluation(client, project, model.label, signal),
    };
}

async function readEvaluation(
    client: AuthoringClient,
    project: string,
    label: string,
    signal?: AbortSignal,
): Promise<TrainedModel["evaluation"]> {
    try {
        const scores = summarizeEvaluation(await client.getEvaluationSummary(project, label, signal));
        return { status: "succeeded", microF1: scores.microF1, macroF1: scores.macroF1 };
    } catch (error) {
        if (error instanceof LanguageApiError && error.status === 404) return { status: "pending" };
        throw error;
    }
}
