import type { TrainingPhaseStatus } from "../../../provider/contract";
import { formatDateTime, formatPreciseDateTime, jobLifetimeMs } from "../../domain/timestamps";
import { progressOf } from "../../jobs/progression";
import type { StoredJob } from "../../state/state-schema";

// A poll-driven job cannot know when it will end; its estimate moves ahead by this much.
const estimateAheadMs = 60_000;

/** The job state a status GET answers, with `resultUrl` (export) or `result` (training). */
export function renderJobState(job: StoredJob, statusUrl: string, now: number): Record<string, unknown> {
    const state: Record<string, unknown> = {};
    const operation = job.operation;
    if (operation.kind === "export" && job.status === "succeeded") {
        const [path, query] = statusUrl.split("?");
        state["resultUrl"] = `${path}/result?${query}`;
    }
    if (operation.kind === "train") {
        state["result"] = {
            modelLabel: operation.modelLabel,
            trainingConfigVersion: operation.trainingConfigVersion,
            ...(operation.trainingMode === undefined ? {} : { trainingMode: operation.trainingMode }),
            ...trainingPhases(job, now),
            estimatedEndDateTime: formatPreciseDateTime(estimatedEnd(job, now)),
        };
    }
    return {
        ...state,
        jobId: job.jobId,
        createdDateTime: formatDateTime(job.createdMs),
        lastUpdatedDateTime: formatDateTime(job.lastUpdatedMs),
        expirationDateTime: formatDateTime(job.createdMs + jobLifetimeMs),
        status: job.status,
        ...(job.errors === undefined ? {} : { errors: structuredClone(job.errors) }),
    };
}

/** Training runs first, evaluation follows it; a cancelled or failed job never evaluates. */
function trainingPhases(
    job: StoredJob,
    now: number,
): { trainingStatus: TrainingPhaseStatus; evaluationStatus: TrainingPhaseStatus } {
    const start = formatPreciseDateTime(job.createdMs);
    const end = job.completedMs === undefined ? undefined : formatPreciseDateTime(job.completedMs);
    const notStarted: TrainingPhaseStatus = { percentComplete: 0, status: "notStarted" };
    const status = job.status;
    switch (status) {
        case "notStarted":
            return { trainingStatus: notStarted, evaluationStatus: notStarted };
        case "running":
        case "cancelling": {
            const percentComplete = Math.min(99, Math.max(1, Math.floor(progressOf(job, now) * 100)));
            return {
                trainingStatus: { percentComplete, startDateTime: start, status: "running" },
                evaluationStatus: notStarted,
            };
        }
        case "succeeded":
        case "partiallyCompleted":
            return {
                trainingStatus: { percentComplete: 100, startDateTime: start, endDateTime: end, status: "succeeded" },
                evaluationStatus: { percentComplete: 100, startDateTime: end, endDateTime: end, status: "succeeded" },
            };
        case "failed":
        case "cancelled":
            return {
                trainingStatus: { percentComplete: 0, startDateTime: start, endDateTime: end, status },
                evaluationStatus: notStarted,
            };
    }
}

function estimatedEnd(job: StoredJob, now: number): number {
    if (job.completedMs !== undefined) {
        return job.completedMs;
    }
    return job.timing.mode === "afterMs" ? job.phaseStartedMs + job.timing.ms : now + estimateAheadMs;
}
