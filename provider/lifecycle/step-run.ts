import type { AuthoringClient } from "../client/authoring-client";
import type { RuntimeClient } from "../client/runtime-client";
import { readDeployment } from "../operations/deploy-model";
import type { OperationContext } from "../operations/operation-context";
import { readTrainedModel } from "../operations/train-model";
import type { PlannedStep, StepName } from "../plan/plan-replication";
import type { CheckedInputs, TimeoutMinutes } from "./inputs";
import type { PendingJob, ReplicaState } from "./replica-state";

/** One run of the plan: what the steps share, and what they record as they complete. */
export interface StepRun {
    inputs: CheckedInputs;
    /** Updated by each step as it completes; `pendingJob` is set while a job is awaited. */
    state: ReplicaState;
    primary: AuthoringClient;
    secondary: AuthoringClient;
    /** The prediction API of either resource (the parity probe asks both). */
    runtime: (side: "primary" | "secondary") => RuntimeClient;
    context: (step: keyof TimeoutMinutes) => OperationContext;
    /** A warning on the resource's row (a candidate promoted although it failed, in warn mode). */
    warn: (line: string) => void;
    /** Steps that changed the secondary in this run: a job an earlier run left for a later step is stale after them. */
    completed: StepName[];
}

/**
 * How a step ended: it ran a job (or waited for one an earlier run started), or it found its
 * work already done on the secondary by a run that was killed before it could record it.
 */
export type StepOutcome = "ran" | "found done";

export type StepRunner = (run: StepRun, step: PlannedStep) => Promise<StepOutcome>;

/**
 * A step that cannot be done (a candidate the gate rejected, a rollback to a model that is not
 * kept): running again does not help, the inputs or the primary must change.
 */
export class StepBlockedError extends Error {
    override readonly name = "StepBlockedError";
}

/**
 * The job an earlier run left for this step, if it still does what this run needs: the same
 * target, and no earlier step completed in this run (a new import makes an old training stale).
 */
export function adoptable(run: StepRun, step: StepName, target: string): PendingJob | undefined {
    const pending = run.state.pendingJob;
    if (pending?.step !== step || pending.target !== target || run.completed.length > 0) return undefined;
    return pending;
}

/** Waits for the job of a step, recorded as pending while it runs so that a killed run's successor adopts it. */
export async function runJob(
    run: StepRun,
    pending: Omit<PendingJob, "statusUrl">,
    start: () => Promise<{ statusUrl: string }>,
    wait: (statusUrl: string) => Promise<void>,
): Promise<void> {
    const job = adoptable(run, pending.step, pending.target) ?? { ...pending, statusUrl: (await start()).statusUrl };
    run.state.pendingJob = job;
    await wait(job.statusUrl);
}

/**
 * Reads back the serving deployment once it serves `label`; the model it served before becomes
 * the previous one, which a rollback brings back.
 */
export async function recordServing(run: StepRun, label: string): Promise<void> {
    const { inputs, state, secondary } = run;
    const before = state.trainedModel;
    if (before && before.label !== label) state.previousModel = { label: before.label, modelId: before.modelId };
    state.deployment = await readDeployment(secondary, inputs.secondaryProjectName, inputs.deploymentName);
    state.trainedModel = await readTrainedModel(secondary, inputs.secondaryProjectName, label);
}

/** Reads back the staging deployment after it changed. */
export async function recordStaging(run: StepRun, stagingName: string): Promise<void> {
    run.state.stagingDeployment = await readDeployment(run.secondary, run.inputs.secondaryProjectName, stagingName);
}
