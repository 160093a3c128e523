import type { ErrorDetail, TrainingPhaseStatus } from "../../../provider/contract";
import { fewExampleWarnings } from "../../domain/few-examples";
import { formatPreciseDateTime } from "../../domain/timestamps";
import type { OperationOf } from "../../jobs/job-environment";
import { isTerminal, progressOf } from "../../jobs/progression";
import { evaluationStartsAt, trainingJobStyles } from "../../jobs/training-styles";
import type { StoredJob } from "../../state/state-schema";
import type { VersionFeatures } from "../api-version-features";

// A poll-driven job cannot know when it will end; its estimate moves ahead by this much.
const estimateAheadMs = 60_000;

const notStarted: TrainingPhaseStatus = { percentComplete: 0, status: "notStarted" };

interface TrainingPhases {
    readonly trainingStatus: TrainingPhaseStatus;
    readonly evaluationStatus: TrainingPhaseStatus;
}

/** A training job's `result`, and its top-level `warnings` where the family shows them (training-styles.ts). */
export function renderTrainingJob(
    job: StoredJob,
    operation: OperationOf<"train">,
    now: number,
    features: VersionFeatures,
): { result: Record<string, unknown>; warnings?: ErrorDetail[] } {
    const style = trainingJobStyles[job.family];
    const showsEstimate = style.estimatedEnd === "whileRunning" && job.status === "running";
    const result = {
        modelLabel: operation.modelLabel,
        trainingConfigVersion: operation.trainingConfigVersion,
        ...(operation.trainingMode === undefined ? {} : { trainingMode: operation.trainingMode }),
        ...trainingPhases(job, now),
        ...(style.dataGenerationStatus && features.dataGeneration ? { dataGenerationStatus: notStarted } : {}),
        ...(showsEstimate ? { estimatedEndDateTime: formatPreciseDateTime(estimatedEnd(job, now)) } : {}),
    };
    const warnings = jobWarnings(job, operation);
    return warnings === undefined ? { result } : { result, warnings };
}

function jobWarnings(job: StoredJob, operation: OperationOf<"train">): ErrorDetail[] | undefined {
    switch (trainingJobStyles[job.family].warnings) {
        case "fewExamplesOnceRunning":
            return job.status === "notStarted" ? undefined : fewExampleWarnings(operation.trainingData.assets);
        case "emptyWhenFinished":
            return isTerminal(job.status) ? [] : undefined;
    }
}

/** Training runs first; evaluation follows in the job (text) or after it (CLU); a cancelled or failed job never evaluates. */
function trainingPhases(job: StoredJob, now: number): TrainingPhases {
    const start = formatPreciseDateTime(job.createdMs);
    const status = job.status;
    switch (status) {
        case "notStarted":
            return { trainingStatus: notStarted, evaluationStatus: notStarted };
        case "running":
        case "cancelling":
            return job.evaluationStartedMs === undefined
                ? {
                      trainingStatus: {
                          percentComplete: percent(progressOf(job, now)),
                          startDateTime: start,
                          status: "running",
                      },
                      evaluationStatus: notStarted,
                  }
                : evaluating(job, job.evaluationStartedMs, now);
        case "succeeded":
        case "partiallyCompleted":
            return finished(job, job.completedMs ?? now);
        case "failed":
        case "cancelled": {
            const end = formatPreciseDateTime(job.completedMs ?? now);
            return {
                trainingStatus: { percentComplete: 0, startDateTime: start, endDateTime: end, status },
                evaluationStatus: notStarted,
            };
        }
    }
}

/** Training done, evaluation under way: the second part of the main phase, or a cancel that came too late. */
function evaluating(job: StoredJob, evaluationStartedMs: number, now: number): TrainingPhases {
    const progress = progressOf(job, now);
    const evaluated = job.phase === "main" ? (progress - evaluationStartsAt) / (1 - evaluationStartsAt) : progress;
    const evaluationStart = formatPreciseDateTime(evaluationStartedMs);
    return {
        trainingStatus: {
            percentComplete: 100,
            startDateTime: formatPreciseDateTime(job.createdMs),
            endDateTime: evaluationStart,
            status: "succeeded",
        },
        evaluationStatus: { percentComplete: percent(evaluated), startDateTime: evaluationStart, status: "running" },
    };
}

function finished(job: StoredJob, completedMs: number): TrainingPhases {
    const end = formatPreciseDateTime(completedMs);
    const trainingEnd = formatPreciseDateTime(job.evaluationStartedMs ?? completedMs);
    const trainingStatus: TrainingPhaseStatus = {
        percentComplete: 100,
        startDateTime: formatPreciseDateTime(job.createdMs),
        endDateTime: trainingEnd,
        status: "succeeded",
    };
    return trainingJobStyles[job.family].evaluatesInJob
        ? {
              trainingStatus,
              evaluationStatus: {
                  percentComplete: 100,
                  startDateTime: trainingEnd,
                  endDateTime: end,
                  status: "succeeded",
              },
          }
        : { trainingStatus, evaluationStatus: notStarted };
}

function percent(fraction: number): number {
    return Math.min(99, Math.max(1, Math.floor(fraction * 100)));
}

function estimatedEnd(job: StoredJob, now: number): number {
    return job.timing.mode === "afterMs" ? job.phaseStartedMs + job.timing.ms : now + estimateAheadMs;
}
