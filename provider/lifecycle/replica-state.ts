import type { ApiVersion, ProjectKind } from "../contract";
import type { Deployment } from "../operations/deploy-model";
import type { TrainedModel } from "../operations/train-model";
import { canonicalJson } from "../plan/canonical-json";
import type { DesiredReplica, ReplicaFacts, StepName } from "../plan/plan-replication";
import type { CheckedInputs, Connection, ReplicationArgs, TimeoutMinutes } from "./inputs";

/**
 * The resource's outputs, which are also all that `read` and `delete` receive: so they carry
 * what those need (the secondary connection, kept secret by the resource) besides what users
 * read (the replica's project, model and deployment, and what was synced when).
 */
export interface ReplicaState {
    secondary: Connection;
    secondaryEndpoint: string;
    projectName: string;
    secondaryProjectName: string;
    projectKind: ProjectKind;
    apiVersion: ApiVersion;
    deploymentName: string;
    modelLabel: string;
    onDelete: "delete" | "retain";
    timeoutMinutes: TimeoutMinutes;
    polling?: ReplicationArgs["polling"];
    rateLimits?: ReplicationArgs["rateLimits"];
    /** Hash of the content last imported into the secondary project. */
    importedContentHash?: string;
    /** The secondary project's lastModifiedDateTime right after that import: if it moves, someone edited the replica. */
    importedLastModifiedDateTime?: string;
    /** What the current model was trained from. */
    trainedFrom?: { contentHash: string; trainingSignature: string };
    secondaryProject?: SecondaryProject;
    trainedModel?: TrainedModel;
    deployment?: Deployment;
    /** The primary revision the replica last fully caught up with, and when. */
    syncedRevision?: { lastModifiedDateTime: string; contentHash: string };
    lastSyncedAt?: string;
    /** A job an interrupted run left behind; the next run waits for it instead of starting another. */
    pendingJob?: PendingJob;
}

export interface SecondaryProject {
    projectName: string;
    language: string;
    createdDateTime: string;
    lastModifiedDateTime: string;
    lastTrainedDateTime?: string;
    lastDeployedDateTime?: string;
}

export interface PendingJob {
    step: StepName;
    /** What the job works towards (project, label and options, deployment and model): adopted only if unchanged. */
    target: string;
    statusUrl: string;
    /** The content the job works on, so its result is recorded correctly when adopted. */
    contentHash: string;
}

/** How lines about a replica are labelled where they cannot be logged against its URN. */
export function replicaLabelOf(replica: Pick<ReplicaState, "projectName" | "secondaryProjectName">): string {
    return `${replica.projectName} -> ${replica.secondaryProjectName}`;
}

/** The options whose change retrains, in one comparable string (a new model label is its own rule). */
export function trainingSignatureOf(inputs: CheckedInputs): string {
    // Defaults spelled out or left out must not differ: writing the default mode is no change.
    const conversational = inputs.projectKind === "Conversation" || inputs.projectKind === "Orchestration";
    return canonicalJson({
        trainingConfigVersion: inputs.training.trainingConfigVersion,
        trainingMode: conversational ? (inputs.training.trainingMode ?? "standard") : undefined,
        evaluation: inputs.training.evaluation,
    });
}

/** What the content is taken to be while no export has fingerprinted it: it matches no hash, so it is imported. */
export const notExportedYet = "not-exported-yet";

/**
 * The replica the inputs ask for. A replica's first revision has no hash (check does not export
 * for a replica that does not exist yet; its create does, once): until the primary moves, the
 * content that create imported is that revision's.
 */
export function desiredReplicaOf(inputs: CheckedInputs, state: Partial<ReplicaState>): DesiredReplica {
    return {
        contentHash: inputs.primaryRevision.contentHash ?? state.importedContentHash ?? notExportedYet,
        trainingSignature: trainingSignatureOf(inputs),
        modelLabel: inputs.modelLabel,
        deploymentName: inputs.deploymentName,
    };
}

/** What the state says about the secondary, for planning a preview. */
export function factsOf(state: Partial<ReplicaState>): ReplicaFacts {
    return {
        projectExists: state.secondaryProject !== undefined,
        secondaryEdited:
            state.importedLastModifiedDateTime !== undefined &&
            state.secondaryProject?.lastModifiedDateTime !== state.importedLastModifiedDateTime,
        ...(state.importedContentHash && { importedContentHash: state.importedContentHash }),
        ...(state.trainedFrom && { trainedFrom: state.trainedFrom }),
        ...(state.trainedModel && { model: state.trainedModel }),
        ...(state.deployment && { deployment: state.deployment }),
    };
}
