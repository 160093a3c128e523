import type { ApiFamily, ApiVersion } from "../../provider/contract";
import { newJobId } from "../domain/identifiers";
import { jobLifetimeMs } from "../domain/timestamps";
import { jobErrors } from "../errors";
import type { ForcedOutcome, JobOperation, StoredJob } from "../state/state-schema";
import { runEffect } from "./effects/run-effect";
import type { JobEnvironment } from "./job-environment";
import { observeJob, setStatus, startCancelling } from "./progression";
import { statusPathOf } from "./status-paths";
import { noteEvaluation } from "./training-evaluation";
import type { JobTimingRules } from "./timing";

export interface JobRequest {
    readonly family: ApiFamily;
    readonly apiVersion: ApiVersion;
    readonly projectName: string;
    readonly operation: JobOperation;
    readonly forced: ForcedOutcome | undefined;
}

/**
 * Moves jobs through notStarted -> running -> succeeded|failed (or cancelling -> cancelled).
 * A status poll counts towards "after N polls"; a tick (any request to the resource) only lets
 * time-based jobs finish. The job's work happens at the moment it finishes.
 */
export class JobRunner {
    constructor(private readonly timingRules: JobTimingRules) {}

    async start(request: JobRequest, env: JobEnvironment): Promise<StoredJob> {
        const jobId = newJobId(env.now);
        const job: StoredJob = {
            jobId,
            family: request.family,
            apiVersion: request.apiVersion,
            projectName: request.projectName,
            statusPath: statusPathOf(request.family, request.projectName, request.operation, jobId),
            createdMs: env.now,
            lastUpdatedMs: env.now,
            status: "notStarted",
            phase: "main",
            phaseStartedMs: env.now,
            phasePolls: 0,
            timing: this.timingRules.resolve(env.resource.name, request.operation.kind),
            ...(request.forced === undefined ? {} : { forced: request.forced }),
            operation: request.operation,
        };
        env.state.jobs[jobId] = job;
        await this.advance(job, env, "tick");
        return job;
    }

    /** The job as a client polling its status URL sees it. */
    poll(job: StoredJob, env: JobEnvironment): Promise<void> {
        return this.advance(job, env, "poll");
    }

    /** Best-effort, as the service's: a text training job that is already evaluating finishes anyway. */
    async cancel(job: StoredJob, env: JobEnvironment): Promise<void> {
        startCancelling(job, env.now, job.evaluationStartedMs === undefined ? "cancel" : "cancelTooLate");
        await this.advance(job, env, "tick");
    }

    /** Forgets expired jobs and finishes the ones whose time has come; run before every request. */
    async settle(env: JobEnvironment): Promise<void> {
        for (const job of Object.values(env.state.jobs)) {
            if (env.now >= job.createdMs + jobLifetimeMs) {
                delete env.state.jobs[job.jobId];
            } else {
                await this.advance(job, env, "tick");
            }
        }
    }

    private async advance(job: StoredJob, env: JobEnvironment, observation: "poll" | "tick"): Promise<void> {
        if (!observeJob(job, env.now, observation)) {
            noteEvaluation(job, env.now);
            return;
        }
        const errors =
            job.forced?.kind === "fail"
                ? [jobErrors.injected(job.forced.code, job.forced.message)]
                : await safely(job, env);
        if (errors.length > 0) {
            job.errors = errors;
        }
        setStatus(job, errors.length > 0 ? "failed" : "succeeded", env.now);
    }
}

async function safely(job: StoredJob, env: JobEnvironment) {
    try {
        return await runEffect(job, env);
    } catch (error) {
        return [jobErrors.internal(`The ${job.operation.kind} job failed unexpectedly: ${(error as Error).message}`)];
    }
}
