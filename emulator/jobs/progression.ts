import { jobStatusMeanings, type JobStatus } from "../../provider/contract";
import type { StoredJob } from "../state/state-schema";

/** What progression reads and moves of a job: authoring jobs and runtime text jobs both have it. */
export type ProgressingJob = Pick<
    StoredJob,
    "status" | "lastUpdatedMs" | "completedMs" | "phase" | "forced" | "timing" | "phasePolls" | "phaseStartedMs"
>;

export function isTerminal(status: JobStatus): boolean {
    return jobStatusMeanings[status].terminal;
}

/**
 * Whether the current phase may finish now. A job forced to hang never finishes its work, but can
 * still be cancelled (the cancel phase ignores the hang).
 */
export function isDue(job: ProgressingJob, now: number): boolean {
    if (job.phase === "main" && job.forced?.kind === "hang") {
        return false;
    }
    switch (job.timing.mode) {
        case "instant":
            return true;
        case "afterPolls":
            return job.phasePolls >= job.timing.polls;
        case "afterMs":
            return now - job.phaseStartedMs >= job.timing.ms;
    }
}

/** Before it is due: `notStarted` until the second poll, `running` after; a cancel shows `cancelling`. */
export function pendingStatus(job: ProgressingJob): JobStatus {
    if (job.phase !== "main") {
        return "cancelling";
    }
    return job.phasePolls <= 1 ? "notStarted" : "running";
}

/** How far a pending job is, 0..1, for training's percentComplete. */
export function progressOf(job: StoredJob, now: number): number {
    if (isTerminal(job.status)) {
        return 1;
    }
    if (job.phase === "main" && job.forced?.kind === "hang") {
        return Math.min(0.99, job.phasePolls / (job.phasePolls + 1));
    }
    switch (job.timing.mode) {
        case "instant":
            return 1;
        case "afterPolls":
            return Math.min(1, job.phasePolls / job.timing.polls);
        case "afterMs":
            return job.timing.ms === 0 ? 1 : Math.min(1, (now - job.phaseStartedMs) / job.timing.ms);
    }
}

/** `lastUpdatedDateTime` moves only when the status does. */
export function setStatus(job: ProgressingJob, status: JobStatus, now: number): void {
    if (job.status !== status) {
        job.status = status;
        job.lastUpdatedMs = now;
    }
}

/**
 * Cancellation is a phase of its own, with the job's timing: cancelling, then cancelled (or, for a
 * cancel that came too late, the job's own end).
 */
export function startCancelling(job: ProgressingJob, now: number, phase: "cancel" | "cancelTooLate" = "cancel"): void {
    job.phase = phase;
    job.phaseStartedMs = now;
    job.phasePolls = 0;
    setStatus(job, "cancelling", now);
}

/**
 * One observation of a job: a poll of its status URL, or a tick (any request to its resource, which
 * only lets time pass). True when the job's work is due now (at the end of its main phase or of a
 * cancel that came too late); otherwise the job shows where it is (pending, or cancelled at the
 * end of its cancel phase).
 */
export function observeJob(job: ProgressingJob, now: number, observation: "poll" | "tick"): boolean {
    if (isTerminal(job.status)) {
        return false;
    }
    if (observation === "poll") {
        job.phasePolls += 1;
    }
    if (!isDue(job, now)) {
        setStatus(job, pendingStatus(job), now);
        return false;
    }
    job.completedMs = now;
    if (job.phase === "cancel") {
        setStatus(job, "cancelled", now);
        return false;
    }
    return true;
}
