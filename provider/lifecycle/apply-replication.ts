import { LanguageApiError } from "../client/language-api-error";
import { JobDeadlineError } from "../lro/job-errors";
import { observeReplica, type ReplicaObservation } from "../operations/observe-replica";
import { type PlannedStep, planReplication } from "../plan/plan-replication";
import { clientFor, normalizedEndpoint } from "./connections";
import type { CheckedInputs } from "./inputs";
import type { InternalProperties } from "./internal-properties";
import { operationContextFor } from "./operation-context-for";
import { desiredReplicaOf, factsOf, replicaLabelOf, type ReplicaState } from "./replica-state";
import { ReplicationError } from "./replication-error";
import { type ResourceLog, resourceLog } from "./resource-log";
import { type StepRun, stepRunners } from "./replication-steps";
import { adoptItemHashes } from "./whole-file-hashes";

/** The id of a replica: its project on its resource. */
export function replicaIdOf(inputs: CheckedInputs): string {
    return `${normalizedEndpoint(inputs.secondary)}#${inputs.secondaryProjectName}`;
}

/**
 * Brings the secondary to the replica the inputs ask for: looks at what the secondary holds now,
 * plans with the same planner the preview used, and runs the steps (export -> import -> train ->
 * deploy), waiting for each job. On failure it throws a ReplicationError carrying the state so
 * far, so the next run continues from the first unfinished step and adopts a job still running.
 */
export async function applyReplication(
    inputs: CheckedInputs,
    previous: Partial<ReplicaState> | undefined,
    internal: InternalProperties,
): Promise<{ id: string; state: ReplicaState }> {
    const log = resourceLog(internal.__urn, replicaLabelOf(inputs));
    try {
        return await replicate(inputs, previous, internal, log);
    } finally {
        await log.flushed();
    }
}

async function replicate(
    inputs: CheckedInputs,
    previous: Partial<ReplicaState> | undefined,
    internal: InternalProperties,
    log: ResourceLog,
): Promise<{ id: string; state: ReplicaState }> {
    const id = replicaIdOf(inputs);
    const secondary = clientFor(inputs.secondary, inputs.projectKind, inputs);
    const context = (step: keyof CheckedInputs["timeoutMinutes"]) => operationContextFor(inputs, step, log);

    const seen = await observeReplica(secondary, inputs.secondaryProjectName, inputs.modelLabel, inputs.deploymentName);
    const run: StepRun = {
        inputs,
        state: withObservation(baseStateOf(inputs, previous), seen),
        primary: clientFor(inputs.primary, inputs.projectKind, inputs),
        secondary,
        context,
        completed: [],
    };
    await adoptItemHashes(run.state, inputs, secondary, context("export"));
    const steps = planReplication(desiredReplicaOf(inputs, run.state), factsOf(run.state));
    // diff has put the plan in the log already; here it is only the status until the first step.
    log.progress(steps.length === 0 ? "the replica is in sync" : `plan: ${describePlan(steps)}`);
    let current: PlannedStep | undefined;
    try {
        for (current of steps) {
            log.info(`${current.name}: ${current.reason}`);
            const outcome = await stepRunners[current.name](run);
            delete run.state.pendingJob;
            if (outcome === "ran") run.completed.push(current.name);
        }
    } catch (error) {
        if (!mayStillBeRunning(error)) delete run.state.pendingJob;
        const done = run.completed.length > 0 ? `completed ${run.completed.join(", ")}; ` : "";
        const message = `replicating ${replicaLabelOf(inputs)}: ${current?.name} failed: ${(error as Error).message} (${done}run pulumi up again to continue)`;
        throw new ReplicationError(message, id, { ...run.state, ...internal });
    }
    return { id, state: await recordSync(run, steps.length > 0) };
}

/** The plan as one line: each step with its reason. */
export function describePlan(steps: readonly PlannedStep[]): string {
    return steps.map((step) => `${step.name} (${step.reason})`).join(", then ");
}

/**
 * Whether the job a failed step was waiting for may still finish: it is kept for the next run
 * only then. A job that ended badly, or whose status URL is gone (jobs expire after 7 days),
 * is forgotten, and the next run starts the step again.
 */
function mayStillBeRunning(error: unknown): boolean {
    return error instanceof JobDeadlineError || (error instanceof LanguageApiError && error.isRetryable);
}

/**
 * Records that the replica caught up with the primary revision in the inputs. The secondary's
 * project details are read last (non-fatal: the replica is done either way), and its
 * lastModifiedDateTime now is what later edits on the secondary are told from, whatever
 * training and deploying did to it.
 */
async function recordSync(run: StepRun, changed: boolean): Promise<ReplicaState> {
    const { state, inputs } = run;
    const project = await run.secondary.findProject(inputs.secondaryProjectName).catch(() => undefined);
    if (project) {
        state.secondaryProject = secondaryProjectOf(project);
        if (state.importedContentHash) state.importedLastModifiedDateTime = project.lastModifiedDateTime;
    }
    const contentHash = state.importedContentHash ?? desiredReplicaOf(inputs, state).contentHash;
    if (changed || state.syncedRevision?.contentHash !== contentHash) state.lastSyncedAt = new Date().toISOString();
    state.syncedRevision = { lastModifiedDateTime: inputs.primaryRevision.lastModifiedDateTime, contentHash };
    return state;
}

/** The state's settings from the inputs, its record of what was synced from the previous state. */
function baseStateOf(inputs: CheckedInputs, previous: Partial<ReplicaState> | undefined): ReplicaState {
    return {
        ...previous,
        secondary: inputs.secondary,
        secondaryEndpoint: normalizedEndpoint(inputs.secondary),
        projectName: inputs.projectName,
        secondaryProjectName: inputs.secondaryProjectName,
        projectKind: inputs.projectKind,
        apiVersion: inputs.apiVersion,
        deploymentName: inputs.deploymentName,
        modelLabel: inputs.modelLabel,
        onDelete: inputs.onDelete,
        timeoutMinutes: inputs.timeoutMinutes,
        polling: inputs.polling,
        ...(inputs.rateLimits && { rateLimits: inputs.rateLimits }),
    };
}

/**
 * Replaces what the state says of the secondary with what it holds now. A project that is gone
 * takes the record of imported content with it, so the planner imports again.
 */
export function withObservation(state: ReplicaState, seen: ReplicaObservation): ReplicaState {
    const { secondaryProject: _p, trainedModel: _m, deployment: _d, ...rest } = state;
    const next: ReplicaState = { ...rest };
    if (!seen.project) {
        delete next.importedContentHash;
        delete next.importedLastModifiedDateTime;
        delete next.trainedFrom;
        return next;
    }
    next.secondaryProject = secondaryProjectOf(seen.project);
    if (seen.model) next.trainedModel = seen.model;
    else delete next.trainedFrom;
    if (seen.deployment) next.deployment = seen.deployment;
    return next;
}

function secondaryProjectOf(
    project: NonNullable<ReplicaObservation["project"]>,
): NonNullable<ReplicaState["secondaryProject"]> {
    return {
        projectName: project.projectName,
        language: project.language,
        createdDateTime: project.createdDateTime,
        lastModifiedDateTime: project.lastModifiedDateTime,
        ...(project.lastTrainedDateTime && { lastTrainedDateTime: project.lastTrainedDateTime }),
        ...(project.lastDeployedDateTime && { lastDeployedDateTime: project.lastDeployedDateTime }),
    };
}
