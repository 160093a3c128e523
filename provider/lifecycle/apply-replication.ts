import { LanguageApiError } from "../client/language-api-error";
import { JobDeadlineError } from "../lro/job-errors";
import { observeReplica, type ReplicaNames, type ReplicaObservation } from "../operations/observe-replica";
import { type PlannedStep, planReplication } from "../plan/plan-replication";
import { type Clock, systemClock } from "../client/clock";
import { clientFor, normalizedEndpoint, runtimeClientFor, type TransportIo } from "./connections";
import type { CheckedInputs } from "./inputs";
import type { InternalProperties } from "./internal-properties";
import { operationContextFor } from "./operation-context-for";
import {
    desiredContentHashOf,
    desiredReplicaOf,
    factsOf,
    replicaLabelOf,
    replicaNamesOf,
    type ReplicaState,
    secondaryProjectOf,
    stagingNameOf,
} from "./replica-state";
import { withDocumentsObserved } from "./replica-documents";
import { ReplicationError } from "./replication-error";
import { type ResourceLog, resourceLog } from "./resource-log";
import { StepBlockedError, type StepRun } from "./step-run";
import { stepRunners } from "./step-runners";
import { adoptItemHashes } from "./whole-file-hashes";
import { withContentHash } from "./with-content-hash";

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
    io: TransportIo = {},
): Promise<{ id: string; state: ReplicaState }> {
    const log = resourceLog(internal.__urn, replicaLabelOf(inputs));
    try {
        return await replicate(inputs, previous, internal, log, io);
    } finally {
        await log.flushed();
    }
}

async function replicate(
    given: CheckedInputs,
    previous: Partial<ReplicaState> | undefined,
    internal: InternalProperties,
    log: ResourceLog,
    io: TransportIo,
): Promise<{ id: string; state: ReplicaState }> {
    const id = replicaIdOf(given);
    const secondary = clientFor(given.secondary, given.projectKind, given, io);
    const context = (step: keyof CheckedInputs["timeoutMinutes"]) => operationContextFor(given, step, log, io.clock);

    const staging = stagingNameOf(given);
    const names = replicaNamesOf({ ...given, ...(staging && { stagingDeploymentName: staging }) });
    const seen = await observeReplica(secondary, given.secondaryProjectName, names);
    const projectContainer = seen.project?.storageInputContainerName;
    const state = await withDocumentsObserved(
        withObservation(baseStateOf(given, previous), seen),
        given,
        projectContainer,
    );
    const primary = clientFor(given.primary, given.projectKind, given, io);
    await adoptItemHashes(state, given, secondary, context("export"));
    // From here on the revision has its content hash, which names the candidate model.
    const inputs = await withContentHash(given, state, primary, context("export"));
    const run: StepRun = {
        inputs,
        state,
        primary,
        secondary,
        runtime: (side) => runtimeClientFor(inputs[side], io),
        context,
        warn: log.warn,
        completed: [],
    };
    const steps = planReplication(desiredReplicaOf(inputs, run.state), factsOf(run.state));
    // diff has put the plan in the log already; here it is only the status until the first step.
    log.progress(steps.length === 0 ? "the replica is in sync" : `plan: ${describePlan(steps)}`);
    let current: PlannedStep | undefined;
    try {
        for (current of steps) {
            log.info(`${current.name}: ${current.reason}`);
            const outcome = await stepRunners[current.name](run, current);
            delete run.state.pendingJob;
            if (outcome === "ran") run.completed.push(current.name);
        }
    } catch (error) {
        if (!mayStillBeRunning(error)) delete run.state.pendingJob;
        const done = run.completed.length > 0 ? `completed ${run.completed.join(", ")}` : "";
        // A blocked step fails the same way on every run: only a change of the inputs or the primary helps.
        const next = error instanceof StepBlockedError ? "" : "run pulumi up again to continue";
        const after = [done, next].filter(Boolean).join("; ");
        const message = `replicating ${replicaLabelOf(inputs)}: ${current?.name} failed: ${(error as Error).message}${after ? ` (${after})` : ""}`;
        throw new ReplicationError(message, id, { ...run.state, ...internal });
    }
    return { id, state: await recordSync(run, names, steps.length > 0, io.clock ?? systemClock) };
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
 * Records that the replica caught up with the primary revision in the inputs. The secondary is
 * read last (non-fatal: the replica is done either way): its project's lastModifiedDateTime now
 * is what later edits on the secondary are told from, whatever training and deploying did to
 * it, and its models and deployments are what the outputs show. A rollback is pinned to the
 * model it brought back, so that "previous" keeps meaning that model.
 */
async function recordSync(run: StepRun, names: ReplicaNames, changed: boolean, clock: Clock): Promise<ReplicaState> {
    const { inputs } = run;
    const seen = await observeReplica(run.secondary, inputs.secondaryProjectName, names).catch(() => undefined);
    const state = seen?.project ? withObservation(run.state, seen) : run.state;
    if (seen?.project && state.importedContentHash) {
        state.importedLastModifiedDateTime = seen.project.lastModifiedDateTime;
    }
    if (inputs.servingModel === "latest") delete state.servingPin;
    else if (state.trainedModel) state.servingPin = { request: inputs.servingModel, label: state.trainedModel.label };
    const contentHash = state.importedContentHash ?? desiredContentHashOf(inputs, state);
    if (changed || state.syncedRevision?.contentHash !== contentHash)
        state.lastSyncedAt = new Date(clock.now()).toISOString();
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
 * takes the record of imported content and of its models with it, so the planner imports again.
 * What the provider knows of each kept model (what it was trained from) carries over by label,
 * including the model that state written before candidate labels describes.
 */
export function withObservation(state: ReplicaState, seen: ReplicaObservation): ReplicaState {
    const {
        secondaryProject: _p,
        trainedModel: _m,
        deployment: _d,
        stagingDeployment: _s,
        keptModels,
        trainedFrom,
        ...rest
    } = state;
    const next: ReplicaState = { ...rest };
    if (!seen.project) {
        delete next.importedContentHash;
        delete next.importedLastModifiedDateTime;
        delete next.previousModel;
        return next;
    }
    const known = (label: string) =>
        keptModels?.find((model) => model.label === label)?.trainedFrom ??
        (label === state.modelLabel ? trainedFrom : undefined);
    next.secondaryProject = secondaryProjectOf(seen.project);
    next.keptModels = (seen.models ?? []).map((model) => {
        const identity = known(model.label);
        return {
            label: model.label,
            modelId: model.modelId,
            lastTrainedDateTime: model.lastTrainedDateTime,
            ...(identity && { trainedFrom: { ...identity } }),
        };
    });
    if (next.previousModel && !next.keptModels.some((model) => model.label === next.previousModel!.label)) {
        delete next.previousModel;
    }
    if (seen.servingModel) next.trainedModel = seen.servingModel;
    if (seen.deployment) next.deployment = seen.deployment;
    if (seen.staging) next.stagingDeployment = seen.staging;
    return next;
}
