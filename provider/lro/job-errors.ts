import type { ErrorDetail, JobState } from "../contract";

/** A job that ended without succeeding: failed, cancelled or only partially completed. */
export class JobFailedError extends Error {
    override readonly name = "JobFailedError";

    constructor(
        readonly operation: string,
        readonly job: JobState,
        readonly statusUrl: string,
    ) {
        super(`${operation}: job ${job.jobId} ended ${job.status}: ${describeJobErrors(job)}`);
    }

    /** Every code of every error and its innererror chain, e.g. for tests and triage. */
    get codes(): string[] {
        return (this.job.errors ?? []).flatMap(codesOf);
    }
}

/** The deadline passed while the job was still running; polling `statusUrl` again resumes it. */
export class JobDeadlineError extends Error {
    override readonly name = "JobDeadlineError";

    constructor(
        readonly operation: string,
        readonly statusUrl: string,
        readonly lastState: JobState | undefined,
        waitedMs: number,
    ) {
        const where = lastState ? `job ${lastState.jobId} was still ${lastState.status}` : "the job was never seen";
        super(
            `${operation}: gave up after ${Math.round(waitedMs / 1000)}s: ${where}; the next run resumes waiting for it`,
        );
    }
}

/**
 * One readable line from a job's errors: each error as `code: message`, its innererror chain
 * after `>`, its details in brackets, errors separated by `; `.
 */
export function describeJobErrors(job: JobState): string {
    const errors = job.errors ?? [];
    return errors.length === 0 ? "the service gave no reason" : errors.map(describeError).join("; ");
}

function describeError(error: ErrorDetail): string {
    const parts = [`${error.code}: ${error.message}`];
    for (let inner = error.innererror; inner; inner = inner.innererror) {
        parts.push(inner.message ? `${inner.code}: ${inner.message}` : inner.code);
    }
    const details = error.details?.length ? ` [${error.details.map(describeError).join("; ")}]` : "";
    const target = error.target ? ` (target ${error.target})` : "";
    return parts.join(" > ") + target + details;
}

function codesOf(error: ErrorDetail): string[] {
    const codes = [error.code];
    for (let inner = error.innererror; inner; inner = inner.innererror) codes.push(inner.code);
    return [...codes, ...(error.details ?? []).flatMap(codesOf)];
}
