import type { ModelIdentity } from "./model-identity";

/** Which model should serve: the newest candidate (default), the one served before, or a kept label. */
export type ServeRequest = { kind: "latest" } | { kind: "previous" } | { kind: "label"; label: string };

/** What the replica should be: content from the primary, trained, checked and served as configured. */
export interface DesiredReplica {
    contentHash: string;
    /** What the model to serve must be trained from. */
    identity: ModelIdentity;
    /** The base label; candidates are `<modelLabel>-<hash>`. */
    modelLabel: string;
    /** The label a model of `identity` is trained under. */
    candidateLabel: string;
    deploymentName: string;
    /** Present when a promotion gate is configured: candidates are staged, checked, then swapped in. */
    gate?: {
        stagingDeploymentName: string;
        /** The thresholds in words, for the plan. */
        thresholds: string;
        mode: "enforce" | "warn";
    };
    serve: ServeRequest;
    /** How many of the replica's models are kept (served ones always are). */
    keepModels: number;
    /**
     * With documents copied to the secondary's storage: the container they go to (and the
     * replica reads), the primary's container (which a replica imported before read), and every
     * document's content id, by location.
     */
    documents?: { container: string; sourceContainer: string; contents: Readonly<Record<string, string>> };
}

/** One of the replica's models on the secondary. */
export interface KeptModel {
    label: string;
    modelId: string;
    lastTrainedDateTime: string;
    /** Known for the models this provider trained. */
    trainedFrom?: ModelIdentity;
}

/** A deployment and the model it serves. */
export interface DeploymentFact {
    name: string;
    modelId: string;
}

/** What is known of the secondary: from state (preview) or observed live (update). */
export interface ReplicaFacts {
    projectExists: boolean;
    /** The secondary project was edited after the provider's last import (Language Studio, another tool). */
    secondaryEdited?: boolean;
    /** Hash of the content the provider last imported into the secondary project. */
    importedContentHash?: string;
    /** The replica's models, newest first. */
    models: KeptModel[];
    serving?: DeploymentFact;
    staging?: DeploymentFact;
    /** The model that served before the current one. */
    previousLabel?: string;
    /** A rollback as it was resolved when applied, so that "previous" keeps meaning the same model. */
    pin?: { request: string; label: string };
    /** Candidates the gate rejected, with its verdict: never trained or promoted again. */
    rejected: { label: string; verdict: string }[];
    /** The container the secondary project reads its documents from (text projects). */
    inputContainer?: string;
    /** What the secondary's container was last seen to hold of the documents (see `heldContentOf`). */
    documents?: { container: string; held: Readonly<Record<string, string>> };
}
