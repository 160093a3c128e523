import type { JobStatus } from "../../../provider/contract";
import { dayMs } from "../../domain/timestamps";
import { jobErrors } from "../../errors";
import { isTerminal, observeJob, setStatus } from "../../jobs/progression";
import type { ResourceState, StoredTextJob } from "../../state/state-schema";
import { runTextTasks, type TextTaskEnvironment } from "./run-text-tasks";

/**
 * A text analysis job expires two days after its last update (createdDateTime 15:00:45,
 * lastUpdatedDateTime 15:01:03, expirationDateTime two days after that in the specs' example).
 */
export const textJobLifetimeMs = 2 * dayMs;

export interface TextJobEnvironment extends TextTaskEnvironment {
    readonly now: number;
}

/**
 * Moves a text analysis job like an authoring job (job timing rules, injected failJob/hangJob,
 * cancel). It runs its tasks when it finishes; once it has ended, its document texts are dropped.
 */
export async function advanceTextJob(
    job: StoredTextJob,
    env: TextJobEnvironment,
    observation: "poll" | "tick",
): Promise<void> {
    if (observeJob(job, env.now, observation)) {
        await finish(job, env);
    }
    if (isTerminal(job.status)) {
        for (const document of job.documents) {
            delete document.text;
        }
    }
}

async function finish(job: StoredTextJob, env: TextJobEnvironment): Promise<void> {
    if (job.forced?.kind === "fail") {
        job.errors = [jobErrors.injected(job.forced.code, job.forced.message)];
        setStatus(job, "failed", env.now);
        return;
    }
    const outcomes = await runTextTasks(job, env);
    job.outcomes = outcomes;
    const errors = outcomes.flatMap((outcome) => (outcome.error === undefined ? [] : [outcome.error]));
    if (errors.length > 0) {
        job.errors = errors;
    }
    setStatus(job, statusAfter(errors.length, outcomes.length), env.now);
}

function statusAfter(failedTasks: number, tasks: number): JobStatus {
    if (failedTasks === 0) {
        return "succeeded";
    }
    return failedTasks === tasks ? "failed" : "partiallyCompleted";
}

export function forgetExpiredTextJobs(state: ResourceState, now: number): void {
    for (const job of Object.values(state.textJobs)) {
        if (now >= job.lastUpdatedMs + textJobLifetimeMs) {
            delete state.textJobs[job.jobId];
        }
    }
}
