import { jobStatusMeanings, type JobStatus } from "../../provider/contract";
import type { StoredJob } from "../state/state-schema";

export function isTerminal(status: JobStatus): boolean {
    return jobStatusMeanings[status].terminal;
}

/**
 * Whether the current phase may finish now. A job forced to hang never finishes its work, but can
 * still be cancelled (the cancel phase ignores the hang).
 */
export function isDue(job: StoredJob, now: number): boolean {
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
export function pendingStatus(job: StoredJob): JobStatus {
    if (job.phase === "cancel") {
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
