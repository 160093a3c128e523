import type { AuthoringClient, JobPoll } from "../client/authoring-client";
import type { JobState, TrainingJobState } from "../contract";
import { pollUntilDone } from "../lro/poll-until-done";
import { type OperationContext, progressLine } from "./operation-context";

/** Waits for any job but training, printing a line whenever its status changes. */
export function awaitJob(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    context: OperationContext,
): Promise<JobState> {
    return awaitWith((url, signal) => client.pollJob(url, operation, signal), statusUrl, operation, context);
}

/** Waits for a training job, printing its percent complete as it moves. */
export function awaitTrainingJob(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    context: OperationContext,
): Promise<TrainingJobState> {
    const poll = (url: string, signal?: AbortSignal) => client.pollTrainingJob(url, operation, signal);
    return awaitWith(poll, statusUrl, operation, context, (job) => job.result.trainingStatus.percentComplete);
}

function awaitWith<State extends JobState>(
    poll: (statusUrl: string, signal?: AbortSignal) => Promise<JobPoll<State>>,
    statusUrl: string,
    operation: string,
    context: OperationContext,
    percentOf?: (state: State) => number,
): Promise<State> {
    return pollUntilDone({
        operation,
        statusUrl,
        poll,
        deadline: context.deadline,
        clock: context.clock,
        signal: context.signal,
        intervals: context.polling,
        percentOf,
        onProgress: (progress) => context.progress(progressLine(progress)),
    });
}
