import type { AuthoringClient, JobPoll } from "../client/authoring-client";
import type { JobState, TrainingJobState } from "../contract";
import { pollUntilDone } from "../lro/poll-until-done";
import { type OperationContext, progressLine } from "./operation-context";
import { type PolledJob, pollSchedules, trainingRemainingMs } from "./poll-schedules";

/** Waits for any job but training, on the schedule of its kind, printing a line whenever its status changes. */
export function awaitJob(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    job: Exclude<PolledJob, "train" | "cancelTraining">,
    context: OperationContext,
): Promise<JobState> {
    const poll = (url: string, signal?: AbortSignal) => client.pollJob(url, operation, signal);
    return pollUntilDone({ ...pollingOf(operation, statusUrl, job, context), poll });
}

/** Waits for a training job (or its cancellation), printing its percent complete as it moves. */
export function awaitTrainingJob(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    job: Extract<PolledJob, "train" | "cancelTraining">,
    context: OperationContext,
): Promise<TrainingJobState> {
    return pollUntilDone({
        ...pollingOf(operation, statusUrl, job, context),
        poll: (url: string, signal?: AbortSignal): Promise<JobPoll<TrainingJobState>> =>
            client.pollTrainingJob(url, operation, signal),
        percentOf: (state) => state.result.trainingStatus.percentComplete,
        remainingOf: trainingRemainingMs,
    });
}

function pollingOf(operation: string, statusUrl: string, job: PolledJob, context: OperationContext) {
    return {
        operation,
        statusUrl,
        deadline: context.deadline,
        clock: context.clock,
        signal: context.signal,
        schedule: context.polling ?? pollSchedules[job],
        onProgress: (progress: Parameters<typeof progressLine>[0]) => context.progress(progressLine(progress)),
    };
}
