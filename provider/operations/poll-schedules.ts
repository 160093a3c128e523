import type { TrainingJobState } from "../contract";
import type { PollSchedule } from "../lro/poll-until-done";

/** The jobs the provider waits for, each polled on a schedule of its own. */
export type PolledJob = "export" | "import" | "train" | "cancelTraining" | "deploy" | "swap" | "delete" | "prediction";

/**
 * When each kind of job is first looked at, and how the waits grow, fitted to how long the
 * service takes: exports and imports of ordinary projects take a few seconds, deployments
 * several. Training takes minutes but says how far it is: it is first looked at after two
 * seconds to learn its pace, and each later poll is aimed at its estimated end (see
 * `trainingRemainingMs`), so a long training costs a handful of polls. Every poll is a GET
 * against the resource's 100 a minute, which a fleet of replicas shares: short jobs are polled
 * closely while they are young, long ones rarely. A `polling` input replaces these with one
 * schedule for every job.
 */
export const pollSchedules: Readonly<Record<PolledJob, PollSchedule>> = {
    export: { firstMs: 1_000, intervalMs: 250, maxMs: 10_000 },
    import: { firstMs: 1_000, intervalMs: 250, maxMs: 15_000 },
    train: { firstMs: 2_000, intervalMs: 1_000, maxMs: 60_000 },
    cancelTraining: { firstMs: 1_000, intervalMs: 500, maxMs: 15_000 },
    deploy: { firstMs: 2_000, intervalMs: 500, maxMs: 30_000 },
    swap: { firstMs: 2_000, intervalMs: 500, maxMs: 30_000 },
    delete: { firstMs: 1_000, intervalMs: 500, maxMs: 15_000 },
    // A parity probe's batch of predictions: about a second each.
    prediction: { firstMs: 1_000, intervalMs: 500, maxMs: 5_000 },
};

/**
 * How long a training job still needs, by what it says of itself: its estimated end (text
 * jobs), else how far it is (`percentComplete`, conversations) against the time it took to get
 * there. The percentage is a floor (37 means 37 to 38), so the estimate uses the next one and
 * errs early: a poll early costs a GET, a poll late costs the replica its freshness. Never less
 * than a hundredth of the time elapsed (what one percent more would take), nor than 250 ms.
 * Undefined when the job says nothing yet (queued, or evaluating after training).
 */
export function trainingRemainingMs(job: TrainingJobState, elapsedMs: number, now: number): number | undefined {
    const { estimatedEndDateTime, trainingStatus } = job.result;
    // A little after the estimate, so the poll finds the job done rather than about to be.
    const untilEstimate = estimatedEndDateTime ? Date.parse(estimatedEndDateTime) - now + 100 : undefined;
    const percent = trainingStatus.percentComplete;
    const byProgress = percent > 0 && percent < 100 ? (elapsedMs * (99 - percent)) / (percent + 1) : undefined;
    const estimates = [untilEstimate, byProgress].filter((estimate): estimate is number => estimate !== undefined);
    return estimates.length > 0 ? Math.max(250, elapsedMs / 100, Math.min(...estimates)) : undefined;
}
