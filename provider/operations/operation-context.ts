import type { Clock } from "../client/clock";
import type { JobProgress, PollIntervals } from "../lro/poll-until-done";

/** What every long-running operation needs besides its client: time, limits and a voice. */
export interface OperationContext {
    clock: Clock;
    polling: PollIntervals;
    /** Epoch milliseconds by which this operation must have finished. */
    deadline: number;
    /** A line that stays in the `pulumi up` output: a step taken, a job cancelled. */
    log: (line: string) => void;
    /** A passing status line, such as a job's progress, shown while it is current. */
    progress: (line: string) => void;
    signal?: AbortSignal;
}

/** A progress line for a job: operation, status, percent complete and job id. */
export function progressLine(progress: JobProgress): string {
    const percent = progress.percentComplete === undefined ? "" : ` ${progress.percentComplete}%`;
    return `${progress.operation}: ${progress.status}${percent} (job ${progress.jobId})`;
}
