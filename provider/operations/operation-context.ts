import type { Clock } from "../client/clock";
import type { JobProgress, PollSchedule } from "../lro/poll-until-done";

/** What every long-running operation needs besides its client: time, limits and a voice. */
export interface OperationContext {
    clock: Clock;
    /** One schedule for every job, when the user chose one; otherwise each job is polled on its own (poll-schedules.ts). */
    polling?: PollSchedule;
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
