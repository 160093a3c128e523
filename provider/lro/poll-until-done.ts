import { type JobState, type JobStatus, jobStatusMeanings } from "../contract";
import type { Clock } from "../client/clock";
import type { JobPoll } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import { JobDeadlineError, JobFailedError } from "./job-errors";

/**
 * Waits between polls: starts at `initialMs`, grows by half each time, never exceeds `maxMs`.
 * Half, not double: a job is noticed at most a third of its age late, where doubling can
 * leave a finished job unnoticed for as long as it ran.
 */
export interface PollIntervals {
    initialMs: number;
    maxMs: number;
}

export const defaultPollIntervals: PollIntervals = { initialMs: 1_000, maxMs: 30_000 };

/** How many polls may answer 404 before a new job is first seen. */
const notFoundGracePolls = 3;

/** What a progress line says about a job. */
export interface JobProgress {
    operation: string;
    jobId: string;
    status: JobStatus;
    percentComplete?: number;
}

export interface PollOptions<State extends JobState> {
    /** Gerund phrase with identifiers, e.g. `training project "faq" on westeurope`. */
    operation: string;
    /** The status URL exactly as the service gave it (or as stored by an earlier run). */
    statusUrl: string;
    /** Fetches one job state; the poller knows nothing of HTTP. */
    poll: (statusUrl: string, signal?: AbortSignal) => Promise<JobPoll<State>>;
    /** Epoch milliseconds after which the poller gives up. Required: jobs can run for hours. */
    deadline: number;
    clock: Clock;
    signal?: AbortSignal;
    intervals?: Partial<PollIntervals>;
    /** How far along the job is, for progress lines (training reports percentComplete). */
    percentOf?: (state: State) => number | undefined;
    onProgress?: (progress: JobProgress) => void;
}

/**
 * Polls until the job ends, honouring Retry-After within the interval bounds, and returns its
 * final state; throws JobFailedError when it ends without success and JobDeadlineError when the
 * deadline passes first. A 404 before the job was ever seen is polled again a few times: a job
 * that was just accepted can take a moment to become readable.
 */
export async function pollUntilDone<State extends JobState>(options: PollOptions<State>): Promise<State> {
    if (!Number.isFinite(options.deadline)) {
        throw new TypeError(`${options.operation}: polling needs a finite deadline`);
    }
    const { clock, signal } = options;
    const intervals = { ...defaultPollIntervals, ...options.intervals };
    const startedAt = clock.now();
    let interval = intervals.initialMs;
    let last: State | undefined;
    let lastReported = "";
    let unseenPolls = 0;

    for (;;) {
        signal?.throwIfAborted();
        let advisedMs: number | undefined;
        try {
            const answer = await options.poll(options.statusUrl, signal);
            last = answer.state;
            advisedMs = answer.retryAfterMs;
        } catch (error) {
            const notFound = error instanceof LanguageApiError && error.status === 404;
            // A few polls of grace for a job just accepted; a status URL that stays unknown (jobs
            // expire after 7 days) is reported rather than waited on until the deadline.
            if (!notFound || last !== undefined || ++unseenPolls > notFoundGracePolls) throw error;
        }
        if (last) {
            const meaning = jobStatusMeanings[last.status];
            const progress: JobProgress = { operation: options.operation, jobId: last.jobId, status: last.status };
            const percent = options.percentOf?.(last);
            if (percent !== undefined) progress.percentComplete = percent;
            const report = `${progress.status} ${progress.percentComplete ?? ""}`;
            if (report !== lastReported) options.onProgress?.(progress);
            lastReported = report;
            if (meaning.terminal) {
                if (meaning.success) return last;
                throw new JobFailedError(options.operation, last, options.statusUrl);
            }
        }
        const remainingMs = options.deadline - clock.now();
        if (remainingMs <= 0) {
            throw new JobDeadlineError(options.operation, options.statusUrl, last, clock.now() - startedAt);
        }
        const waitMs = Math.min(advisedMs ?? interval, intervals.maxMs, remainingMs);
        await clock.sleep(Math.max(0, waitMs), signal);
        interval = Math.min(Math.round(interval * 1.5), intervals.maxMs);
    }
}
