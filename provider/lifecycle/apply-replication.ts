import type { AuthoringClient } from "../client/authoring-client";
import { JobFailedError } from "../lro/job-errors";
import { awaitDeploy, readDeployment, startDeploy } from "../operations/deploy-model";
import { exportProject } from "../operations/export-project";
import { awaitImport, startImport } from "../operations/import-project";
import { observeReplica, type ReplicaObservation } from "../operations/observe-replica";
import { checkOrchestrationTargets } from "../operations/orchestration-targets";
import { awaitTraining, findRunningTraining, readTrainedModel, startTraining } from "../operations/train-model";
import { contentHashOf } from "../plan/content-fingerprint";
import { type PlannedStep, planReplication } from "../plan/plan-replication";
import { clientFor, normalizedEndpoint } from "./connections";
import type { CheckedInputs } from "./inputs";
import { operationContextFor } from "./operation-context-for";
import { desiredReplicaOf, factsOf, type PendingJob, type ReplicaState, trainingSignatureOf } from "./replica-state";
import { ReplicationError } from "./replication-error";

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
    providerSource: unknown,
): Promise<{ id: string; state: ReplicaState }> {
    const id = replicaIdOf(inputs);
    const label = `${inputs.projectName} -> ${inputs.secondaryProjectName}`;
    const primary = clientFor(inputs.primary, inputs.projectKind, inputs);
    const secondary = clientFor(inputs.secondary, inputs.projectKind, inputs);
    const context = (step: keyof CheckedInputs["timeoutMinutes"]) => operationContextFor(inputs, step, label);
    const log = context("export").log;

    let state = baseStateOf(inputs, previous);
    const seen = await observeReplica(secondary, inputs.secondaryProjectName, inputs.modelLabel, inputs.deploymentName);
    state = withObservation(state, seen);
    let desired = desiredReplicaOf(inputs);
    const steps = planReplication(desired, factsOf(state));
    log(
        steps.length === 0
            ? "the replica is in sync"
            : `plan: ${steps.map((s) => `${s.name} (${s.reason})`).join(", then ")}`,
    );

    const completed: string[] = [];
    let current: PlannedStep | undefined;
    try {
        for (current of steps) {
            log(`${current.name}: ${current.reason}`);
            if (current.name === "import") {
                const pending = pendingFor(state, "import");
                let contentHash = pending?.contentHash;
                let statusUrl = pending?.statusUrl;
                if (!pending) {
                    const file = await exportProject(primary, inputs.projectName, context("export"));
                    await checkOrchestrationTargets(secondary, file);
                    contentHash = contentHashOf(file);
                    statusUrl = (await startImport(secondary, inputs.secondaryProjectName, file)).statusUrl;
                }
                desired = { ...desired, contentHash: contentHash! };
                state.pendingJob = { step: "import", statusUrl: statusUrl!, contentHash: contentHash! };
                await awaitImport(secondary, inputs.secondaryProjectName, statusUrl!, context("import"));
                state.importedContentHash = contentHash!;
                const imported = await secondary.getProject(inputs.secondaryProjectName);
                state.secondaryProject = secondaryProjectOf(imported);
                state.importedLastModifiedDateTime = imported.lastModifiedDateTime;
            } else if (current.name === "train") {
                const contentHash = state.importedContentHash ?? desired.contentHash;
                const statusUrl = await trainingToAwait(secondary, inputs, state);
                state.pendingJob = { step: "train", statusUrl, contentHash };
                await awaitTraining(secondary, inputs.secondaryProjectName, statusUrl, context("train"));
                state.trainedFrom = { contentHash, trainingSignature: trainingSignatureOf(inputs) };
                state.trainedModel = await readTrainedModel(secondary, inputs.secondaryProjectName, inputs.modelLabel);
            } else {
                const pending = pendingFor(state, "deploy");
                const statusUrl =
                    pending?.statusUrl ??
                    (
                        await startDeploy(
                            secondary,
                            inputs.secondaryProjectName,
                            inputs.deploymentName,
                            inputs.modelLabel,
                        )
                    ).statusUrl;
                state.pendingJob = { step: "deploy", statusUrl, contentHash: desired.contentHash };
                await awaitDeploy(
                    secondary,
                    inputs.secondaryProjectName,
                    inputs.deploymentName,
                    statusUrl,
                    context("deploy"),
                );
                state.deployment = await readDeployment(secondary, inputs.secondaryProjectName, inputs.deploymentName);
            }
            delete state.pendingJob;
            completed.push(current.name);
        }
    } catch (error) {
        // A job that ended badly is not worth adopting; one we stopped waiting for is.
        if (error instanceof JobFailedError) delete state.pendingJob;
        const done = completed.length > 0 ? `completed ${completed.join(", ")}; ` : "";
        const message = `replicating ${label}: ${current?.name ?? "planning"} failed: ${(error as Error).message} (${done}run pulumi up again to continue)`;
        throw new ReplicationError(message, id, { ...state, __provider: providerSource });
    }

    const project = await secondary.findProject(inputs.secondaryProjectName);
    if (project) state.secondaryProject = secondaryProjectOf(project);
    if (steps.length > 0 || state.syncedRevision?.contentHash !== desired.contentHash) {
        state.lastSyncedAt = new Date().toISOString();
    }
    state.syncedRevision = {
        lastModifiedDateTime: inputs.primaryRevision.lastModifiedDateTime,
        contentHash: desired.contentHash,
    };
    return { id, state };
}

/** The job this run must wait for: one left pending, one already running, or a new one. */
async function trainingToAwait(
    secondary: AuthoringClient,
    inputs: CheckedInputs,
    state: ReplicaState,
): Promise<string> {
    const pending = pendingFor(state, "train");
    if (pending) return pending.statusUrl;
    const running = await findRunningTraining(secondary, inputs.secondaryProjectName, inputs.modelLabel);
    if (running) return running.statusUrl;
    const request = { modelLabel: inputs.modelLabel, ...inputs.training };
    return (await startTraining(secondary, inputs.secondaryProjectName, inputs.projectKind, request)).statusUrl;
}

function pendingFor(state: ReplicaState, step: PendingJob["step"]): PendingJob | undefined {
    return state.pendingJob?.step === step ? state.pendingJob : undefined;
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
