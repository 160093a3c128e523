import type { AuthoringClient } from "../client/authoring-client";
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
    return pollUntilDone({
        operation,
        statusUrl,
        poll: (url, signal) => client.pollJob(url, operation, signal),
        deadline: context.deadline,
        clock: context.clock,
        signal: context.signal,
        intervals: context.polling,
        onProgress: (progress) => context.log(progressLine(progress)),
    });
}

/** Waits for a training job, printing its percent complete as it moves. */
export function awaitTrainingJob(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    context: OperationContext,
): Promise<TrainingJobState> {
    return pollUntilDone({
        operation,
        statusUrl,
        poll: (url, signal) => client.pollTrainingJob(url, operation, signal),
        deadline: context.deadline,
        clock: context.clock,
        signal: context.signal,
        intervals: context.polling,
        percentOf: (job) => job.result.trainingStatus.percentComplete,
        onProgress: (progress) => context.log(progressLine(progress)),
    });
}
