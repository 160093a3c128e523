/** The steps that change the secondary, in the order they run. Import includes the export it needs. */
export type StepName = "import" | "train" | "deploy";

export interface PlannedStep {
    name: StepName;
    /** Why this step is needed, in words a reviewer reads in the `pulumi up` output. */
    reason: string;
}

/** What the replica should be: content from the primary, trained and deployed as configured. */
export interface DesiredReplica {
    contentHash: string;
    /** Canonical form of the training options; a change retrains. */
    trainingSignature: string;
    modelLabel: string;
    deploymentName: string;
}

/** What is known of the secondary: from state (preview) or observed live (update). */
export interface ReplicaFacts {
    projectExists: boolean;
    /** The secondary project was edited after the provider's last import (Language Studio, another tool). */
    secondaryEdited?: boolean;
    /** Hash of the content the provider last imported into the secondary project. */
    importedContentHash?: string;
    /** What the current model was trained from. */
    trainedFrom?: { contentHash: string; trainingSignature: string };
    model?: { label: string; modelId: string };
    deployment?: { name: string; modelId: string };
}

type Rule = (desired: DesiredReplica, facts: ReplicaFacts) => string | undefined;

/** A hash as a reason shows it: its first 12 digits, without the algorithm (`sha256:`, `sha256-items:`). */
const short = (hash: string | undefined) => (hash ? hash.replace(/^[a-z0-9-]+:/, "").slice(0, 12) : "none");

/**
 * Why each step may be needed, checked in order; the first reason that applies is reported.
 * A step that runs makes the later ones run too (new content must be trained, a new model
 * deployed), which `planReplication` adds itself.
 */
const rules: Readonly<Record<StepName, readonly Rule[]>> = {
    import: [
        (_, facts) => (facts.projectExists ? undefined : "the secondary project does not exist"),
        (_, facts) => (facts.secondaryEdited ? "the secondary project was edited after the last import" : undefined),
        (desired, facts) =>
            facts.importedContentHash === desired.contentHash
                ? undefined
                : `the primary's content changed (${short(facts.importedContentHash)} -> ${short(desired.contentHash)})`,
    ],
    train: [
        (desired, facts) =>
            facts.model?.label === desired.modelLabel
                ? undefined
                : `model "${desired.modelLabel}" does not exist on the secondary`,
        (desired, facts) =>
            facts.trainedFrom?.contentHash === desired.contentHash
                ? undefined
                : "the model was trained from other content",
        (desired, facts) =>
            facts.trainedFrom?.trainingSignature === desired.trainingSignature
                ? undefined
                : "the training options changed",
    ],
    deploy: [
        (desired, facts) =>
            facts.deployment?.name === desired.deploymentName
                ? undefined
                : `deployment "${desired.deploymentName}" does not exist on the secondary`,
        (_, facts) =>
            facts.deployment?.modelId === facts.model?.modelId ? undefined : "the deployment serves another model",
    ],
};

const order: readonly StepName[] = ["import", "train", "deploy"];

/** Why a step runs because an earlier one did. */
const consequences: Readonly<Record<Exclude<StepName, "import">, string>> = {
    train: "the imported content must be trained",
    deploy: "the new model must be deployed",
};

/**
 * The steps that bring the secondary to the desired replica, each with its reason. Pure: the
 * same function plans the preview (`diff`, from state) and the apply (`update`, from a fresh
 * look at the secondary), so what a reviewer sees is what runs.
 */
export function planReplication(desired: DesiredReplica, facts: ReplicaFacts): PlannedStep[] {
    const steps: PlannedStep[] = [];
    for (const name of order) {
        const reason =
            steps.length > 0 && name !== "import"
                ? consequences[name]
                : rules[name].map((rule) => rule(desired, facts)).find(Boolean);
        if (reason) steps.push({ name, reason });
    }
    return steps;
}
