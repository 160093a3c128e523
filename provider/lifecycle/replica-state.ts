import type { ApiVersion, ProjectKind, ProjectMetadata } from "../contract";
import type { Deployment } from "../operations/deploy-model";
import type { TrainedModel } from "../operations/train-model";
import { canonicalJson } from "../plan/canonical-json";
import type { ReplicaNames } from "../operations/observe-replica";
import { candidateLabelOf, isReplicaModel, stagingDeploymentNameOf } from "../plan/derived-names";
import type { ModelIdentity } from "../plan/model-identity";
import type { DesiredReplica, KeptModel, ReplicaFacts, ServeRequest, StepName } from "../plan/plan-replication";
import { describeThresholds, type GateFigures } from "../plan/promotion-verdict";
import type { CheckedInputs, Connection, ReplicationArgs, TimeoutMinutes } from "./inputs";
import { desiredDocumentsOf, documentsIdentityOf, type SecondaryDocuments } from "./replica-documents";
import type { StorageAccess } from "./storage-access-input";

/**
 * The resource's outputs, which are also all that `read` and `delete` receive: so they carry
 * what those need (the secondary connection, kept secret by the resource) besides what users
 * read (the replica's project, models and deployments, the gate's figures, and what was synced when).
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
    /**
     * What the model under `modelLabel` was trained from, as state written before candidate labels
     * recorded it; read once to recognise that model, then kept in `keptModels`.
     */
    trainedFrom?: { contentHash: string; trainingSignature: string };
    secondaryProject?: SecondaryProject;
    /** The model the serving deployment serves. */
    trainedModel?: TrainedModel;
    /** The serving deployment. */
    deployment?: Deployment;
    /** Where candidates are checked before they serve; with a promotion gate only. */
    stagingDeployment?: Deployment;
    /** The model that served before the current one: what `servingModel: "previous"` brings back. */
    previousModel?: { label: string; modelId: string };
    /** The replica's models on the secondary, newest first. */
    keptModels?: KeptModel[];
    /** The last candidate the gate measured, with its figures and what was decided. */
    gate?: GateRecord;
    /** Candidates the gate rejected (enforce mode): they are not trained or promoted again. */
    rejectedCandidates?: { label: string; verdict: string; rejectedAt: string }[];
    /** A rollback as it was resolved when applied (see `rollbackTarget`). */
    servingPin?: { request: string; label: string };
    /** The primary revision the replica last fully caught up with, and when. */
    syncedRevision?: { lastModifiedDateTime: string; contentHash: string };
    lastSyncedAt?: string;
    /** A job an interrupted run left behind; the next run waits for it instead of starting another. */
    pendingJob?: PendingJob;
    /** The storage account the documents are copied to (`documents.target`), kept for refresh; secret. */
    secondaryStorage?: StorageAccess;
    /** What that account's container holds of the documents, as the last copy or refresh found it. */
    secondaryDocuments?: SecondaryDocuments;
}

/** What the gate measured for a candidate and what became of it. */
export interface GateRecord extends GateFigures {
    candidate: string;
    decision: "promoted" | "rejected" | "promoted despite failing (mode warn)";
    /** Each figure beside its threshold. */
    verdict: string;
    measuredAt: string;
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
 * The content the inputs ask for. A replica's first revision has no hash (check does not export
 * for a replica that does not exist yet; its create does, once): until the primary moves, the
 * content that create imported is that revision's.
 */
export function desiredContentHashOf(inputs: CheckedInputs, state: Partial<ReplicaState>): string {
    return inputs.primaryRevision.contentHash ?? state.importedContentHash ?? notExportedYet;
}

/** What the model to serve must be trained from: the content, the options, and what asked to retrain. */
export function identityOf(inputs: CheckedInputs, state: Partial<ReplicaState>): ModelIdentity {
    return {
        contentHash: desiredContentHashOf(inputs, state),
        trainingSignature: trainingSignatureOf(inputs),
        ...(inputs.retrainToken !== undefined && { retrainToken: inputs.retrainToken }),
        ...(inputs.renewal?.trainingConfigVersion && { renewWith: inputs.renewal.trainingConfigVersion }),
        ...documentsIdentityOf(inputs),
    };
}

/** The staging deployment of a replica with a promotion gate. */
export function stagingNameOf(inputs: Pick<CheckedInputs, "promotion" | "deploymentName">): string | undefined {
    return inputs.promotion && stagingDeploymentNameOf(inputs.deploymentName);
}

/** Which of the secondary's models and deployments are the replica's. */
export function replicaNamesOf(replica: {
    modelLabel: string;
    deploymentName: string;
    stagingDeploymentName?: string;
}): ReplicaNames {
    return {
        isReplicaModel: (label) => isReplicaModel(replica.modelLabel, label),
        deploymentName: replica.deploymentName,
        ...(replica.stagingDeploymentName && { stagingDeploymentName: replica.stagingDeploymentName }),
    };
}

/** The replica the inputs ask for, given what the state says was imported (see `desiredContentHashOf`). */
export function desiredReplicaOf(inputs: CheckedInputs, state: Partial<ReplicaState>): DesiredReplica {
    const identity = identityOf(inputs, state);
    const staging = stagingNameOf(inputs);
    const promotion = inputs.promotion;
    const documents = desiredDocumentsOf(inputs);
    return {
        contentHash: identity.contentHash,
        identity,
        modelLabel: inputs.modelLabel,
        candidateLabel: candidateLabelOf(inputs.modelLabel, identity),
        deploymentName: inputs.deploymentName,
        ...(promotion &&
            staging && {
                gate: {
                    stagingDeploymentName: staging,
                    thresholds: describeThresholds({ ...promotion, minAgreement: promotion.parity?.minAgreement }),
                    mode: promotion.mode,
                },
            }),
        serve: serveRequestOf(inputs.servingModel),
        keepModels: inputs.keepModels,
        ...(documents && { documents }),
    };
}

function serveRequestOf(servingModel: string): ServeRequest {
    if (servingModel === "latest" || servingModel === "previous") return { kind: servingModel };
    return { kind: "label", label: servingModel };
}

/** What the state says about the secondary, for planning a preview. */
export function factsOf(state: Partial<ReplicaState>): ReplicaFacts {
    const deployed = (deployment: Deployment | undefined) =>
        deployment && { name: deployment.name, modelId: deployment.modelId };
    const serving = deployed(state.deployment);
    const staging = deployed(state.stagingDeployment);
    return {
        projectExists: state.secondaryProject !== undefined,
        secondaryEdited:
            state.importedLastModifiedDateTime !== undefined &&
            state.secondaryProject?.lastModifiedDateTime !== state.importedLastModifiedDateTime,
        ...(state.importedContentHash && { importedContentHash: state.importedContentHash }),
        models: state.keptModels ?? legacyModels(state),
        ...(serving && { serving }),
        ...(staging && { staging }),
        ...(state.previousModel && { previousLabel: state.previousModel.label }),
        ...(state.servingPin && { pin: state.servingPin }),
        rejected: state.rejectedCandidates ?? [],
        ...(state.secondaryDocuments?.projectContainer && {
            inputContainer: state.secondaryDocuments.projectContainer,
        }),
        ...(state.secondaryDocuments && {
            documents: { container: state.secondaryDocuments.container, held: state.secondaryDocuments.held },
        }),
    };
}

/** The one model of state written before candidate labels: the model under `modelLabel`. */
function legacyModels(state: Partial<ReplicaState>): KeptModel[] {
    const model = state.trainedModel;
    if (!model) return [];
    return [
        {
            label: model.label,
            modelId: model.modelId,
            lastTrainedDateTime: model.lastTrainedDateTime,
            ...(state.trainedFrom && model.label === state.modelLabel && { trainedFrom: { ...state.trainedFrom } }),
        },
    ];
}

/** The secondary's project as outputs show it. */
export function secondaryProjectOf(project: ProjectMetadata): NonNullable<ReplicaState["secondaryProject"]> {
    return {
        projectName: project.projectName,
        language: project.language,
        createdDateTime: project.createdDateTime,
        lastModifiedDateTime: project.lastModifiedDateTime,
        ...(project.lastTrainedDateTime && { lastTrainedDateTime: project.lastTrainedDateTime }),
        ...(project.lastDeployedDateTime && { lastDeployedDateTime: project.lastDeployedDateTime }),
    };
}
