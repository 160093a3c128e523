import { type JobState, type JobStatus, jobStatusMeanings } from "../contract";
import type { Clock } from "../client/clock";
import type { JobPoll } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import { JobDeadlineError, JobFailedError } from "./job-errors";

/**
 * When to look at a job. The first poll comes after `firstMs`: a job the service just accepted
 * is never done yet, and a poll that cannot succeed only spends the resource's 100 GETs a
 * minute. Later waits start at `intervalMs` and grow by half each time, never above `maxMs`.
 * Half, not double: a job is noticed at most a third of its age late, where doubling can leave
 * a finished job unnoticed for as long as it ran.
 */
export interface PollSchedule {
    firstMs: number;
    intervalMs: number;
    maxMs: number;
}

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
    schedule: PollSchedule;
    /**
     * How long the job still needs, by what it says of itself (training: its estimated end or
     * percent complete), `elapsedMs` after this poller started; undefined when it does not say.
     * The next poll is aimed there (never later than `maxMs`) instead of backing off.
     */
    remainingOf?: (state: State, elapsedMs: number, now: number) => number | undefined;
    /** How far along the job is, for progress lines (training reports percentComplete). */
    percentOf?: (state: State) => number | undefined;
    onProgress?: (progress: JobProgress) => void;
}

/**
 * Polls until the job ends, on its schedule, honouring Retry-After up to the schedule's longest
 * wait, and returns its final state; throws JobFailedError when it ends without success and
 * JobDeadlineError when the deadline passes first. A 404 before the job was ever seen is polled
 * again a few times: a job that was just accepted can take a moment to become readable.
 */
export async function pollUntilDone<State extends JobState>(options: PollOptions<State>): Promise<State> {
    if (!Number.isFinite(options.deadline)) {
        throw new TypeError(`${options.operation}: polling needs a finite deadline`);
    }
    const { clock, signal, schedule } = options;
    const startedAt = clock.now();
    let interval = schedule.intervalMs;
    let last: State | undefined;
    let lastReported = "";
    let unseenPolls = 0;

    const firstMs = Math.min(schedule.firstMs, options.deadline - startedAt);
    if (firstMs > 0) await clock.sleep(firstMs, signal);
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
        const aimedMs = last && options.remainingOf?.(last, clock.now() - startedAt, clock.now());
        const waitMs = Math.min(advisedMs ?? aimedMs ?? interval, schedule.maxMs, remainingMs);
        await clock.sleep(Math.max(0, waitMs), signal);
        if (aimedMs === undefined) interval = Math.min(Math.round(interval * 1.5), schedule.maxMs);
    }
}
