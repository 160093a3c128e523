import type { StoredJob } from "../state/state-schema";
import { progressOf } from "./progression";
import { evaluationStartsAt, trainingJobStyles } from "./training-styles";

/**
 * Marks when a running training job of a family that evaluates in the job moves on to
 * evaluation: exactly (for a job timed in ms) or at the observation that finds it there. A job
 * forced to hang never gets past training.
 */
export function noteEvaluation(job: StoredJob, now: number): void {
    if (
        job.operation.kind !== "train" ||
        !trainingJobStyles[job.family].evaluatesInJob ||
        job.evaluationStartedMs !== undefined ||
        job.status !== "running" ||
        job.phase !== "main" ||
        job.forced?.kind === "hang" ||
        progressOf(job, now) < evaluationStartsAt
    ) {
        return;
    }
    job.evaluationStartedMs =
        job.timing.mode === "afterMs" ? job.phaseStartedMs + Math.round(job.timing.ms * evaluationStartsAt) : now;
}
