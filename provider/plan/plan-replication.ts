import { documentsToCopy, someOf, type StaleDocument } from "./document-fingerprint";
import { whyRetrain } from "./model-identity";
import { modelsToPrune } from "./prune-models";
import type { DesiredReplica, ReplicaFacts } from "./replica-facts";
import { candidateModel, labelServedBy, rejectionOf, rollbackTarget, servingOf, stagingOf } from "./serving-target";

export type { DesiredReplica, KeptModel, ReplicaFacts, ServeRequest } from "./replica-facts";

/**
 * The steps that change the secondary, in the order they run. Import includes the export it
 * needs; promote is the gate and the swap; swap and deploy alone serve a model without a gate
 * (a rollback, or a replica without `promotion`); prune deletes models no longer kept. Copy
 * brings a text project's documents into the secondary's storage, before the import that names
 * their container and the training that reads them.
 */
export type StepName = "copy" | "import" | "train" | "stage" | "promote" | "swap" | "deploy" | "prune";

export interface PlannedStep {
    name: StepName;
    /** Why this step is needed, in words a reviewer reads in the `pulumi up` output. */
    reason: string;
    /** The model it trains, stages, promotes or serves. */
    label?: string;
    /** The models it deletes. */
    labels?: string[];
    /** The step cannot be done; running it fails with the reason, changing nothing. */
    blocked?: true;
}

/** Facts as the plan goes: what the steps planned so far will have done. */
interface Projected extends ReplicaFacts {
    importedNow?: boolean;
    trainedNow?: boolean;
}

type Need = Omit<PlannedStep, "name">;

/** Whether a step is needed (and why), and what the secondary looks like once it ran. */
interface StepRule {
    need(desired: DesiredReplica, facts: Projected): Need | undefined;
    effect(desired: DesiredReplica, facts: Projected, step: Need): Projected;
}

/** A hash as a reason shows it: its first 12 digits, without the algorithm (`sha256:`, `sha256-items:`). */
const short = (hash: string | undefined) => (hash ? hash.replace(/^[a-z0-9-]+:/, "").slice(0, 12) : "none");
const quoted = (name: string) => `"${name}"`;

/** A deployment now serving `label`, recording what served before it. */
function served(facts: Projected, deployment: { name: string }, label: string, role: "serving" | "staging"): Projected {
    const modelId = facts.models.find((model) => model.label === label)?.modelId ?? `(model ${label})`;
    if (role === "staging") return { ...facts, staging: { name: deployment.name, modelId } };
    const before = labelServedBy(facts, facts.serving);
    return {
        ...facts,
        serving: { name: deployment.name, modelId },
        ...(before !== undefined && before !== label && { previousLabel: before }),
    };
}

/** The two deployments trading models, as `:swap` does. */
function swapped(facts: Projected): Projected {
    const { serving, staging } = facts;
    if (!serving || !staging) return facts;
    const before = labelServedBy(facts, serving);
    return {
        ...facts,
        serving: { name: serving.name, modelId: staging.modelId },
        staging: { name: staging.name, modelId: serving.modelId },
        ...(before !== undefined && { previousLabel: before }),
    };
}

/** A rollback, once applied, keeps meaning the model it brought back (as the apply records it). */
function pinned(desired: DesiredReplica, facts: Projected, label: string): Projected {
    if (desired.serve.kind === "latest") return facts;
    const request = desired.serve.kind === "previous" ? "previous" : desired.serve.label;
    return { ...facts, pin: { request, label } };
}

/** The label the serving deployment should serve under a rollback, or the blocked step saying why none can. */
function rollbackLabel(desired: DesiredReplica, facts: Projected): { label: string } | { blocked: Need } {
    const target = rollbackTarget(desired, facts);
    if ("problem" in target) return { blocked: { blocked: true, reason: target.problem } };
    if (!facts.models.some((model) => model.label === target.label)) {
        const kept = facts.models.map((model) => model.label).join(", ") || "none";
        const reason = `servingModel asks for model "${target.label}", which is not kept on the secondary (kept: ${kept})`;
        return { blocked: { blocked: true, reason } };
    }
    return target;
}

/** What a rejected candidate means for the replica, said when it is rejected and on every run after. */
export function rejectionReason(label: string, verdict: string, deploymentName: string, serving: string): string {
    return (
        `the gate rejected candidate ${label} (${verdict}); ${quoted(deploymentName)} keeps serving ${serving}. ` +
        'It is not trained again: change the content, the training options or retrainToken, or set promotion.mode to "warn"'
    );
}

const rollbackWhy = (desired: DesiredReplica, label: string) =>
    desired.serve.kind === "previous"
        ? `servingModel is "previous": ${label} serves again, without training`
        : `servingModel pins ${label}, without training`;

/** `1 document changed on the primary (movies/plot-04.txt); 3 documents not copied yet (...)`. */
function describeStale(stale: readonly StaleDocument[]): string {
    const whys = [...new Set(stale.map((document) => document.why))];
    return whys
        .map((why) => {
            const names = stale.filter((document) => document.why === why).map((document) => document.location);
            return `${names.length} ${names.length === 1 ? "document" : "documents"} ${why} (${someOf(names)})`;
        })
        .join("; ");
}

/**
 * Each step, checked in this order against the facts as the steps before it leave them. Quirks
 * live here: a rejected candidate blocks promotion without training again, a rollback never
 * trains, a candidate already trained (the content went back, a killed run) is not trained again.
 */
const rules: Readonly<Record<StepName, StepRule>> = {
    copy: {
        need: (desired, facts) => {
            if (!desired.documents) return undefined;
            const { container, contents } = desired.documents;
            const held = facts.documents?.container === container ? facts.documents.held : {};
            const stale = documentsToCopy(contents, held);
            return stale.length === 0 ? undefined : { reason: describeStale(stale) };
        },
        effect: (desired, facts) => ({
            ...facts,
            documents: { container: desired.documents!.container, held: { ...desired.documents!.contents } },
        }),
    },
    import: {
        need: (desired, facts) => {
            if (!facts.projectExists) return { reason: "the secondary project does not exist" };
            if (facts.secondaryEdited) return { reason: "the secondary project was edited after the last import" };
            if (desired.documents) {
                // A replica imported before its documents were copied reads the primary's container name.
                const reading = facts.inputContainer ?? desired.documents.sourceContainer;
                if (reading !== desired.documents.container) {
                    return {
                        reason: `the secondary project reads its documents from container "${reading}", not "${desired.documents.container}"`,
                    };
                }
            }
            if (facts.importedContentHash === desired.contentHash) return undefined;
            return {
                reason: `the primary's content changed (${short(facts.importedContentHash)} -> ${short(desired.contentHash)})`,
            };
        },
        effect: (desired, facts) => ({
            ...facts,
            projectExists: true,
            secondaryEdited: false,
            importedContentHash: desired.contentHash,
            importedNow: true,
            ...(desired.documents && { inputContainer: desired.documents.container }),
        }),
    },
    train: {
        need: (desired, facts) => {
            if (desired.serve.kind !== "latest" || rejectionOf(desired, facts) || candidateModel(desired, facts)) {
                return undefined;
            }
            const serving = facts.models.find((model) => model.modelId === servingOf(desired, facts)?.modelId);
            const why = facts.importedNow
                ? "the imported content must be trained"
                : whyRetrain(desired.identity, serving?.trainedFrom);
            return { reason: `${why}: candidate ${desired.candidateLabel}`, label: desired.candidateLabel };
        },
        effect: (desired, facts) => ({
            ...facts,
            trainedNow: true,
            models: [
                {
                    label: desired.candidateLabel,
                    modelId: `(to be trained) ${desired.candidateLabel}`,
                    lastTrainedDateTime: "",
                    trainedFrom: desired.identity,
                },
                ...facts.models,
            ],
        }),
    },
    stage: {
        need: (desired, facts) => {
            const candidate = candidateModel(desired, facts);
            if (!desired.gate || desired.serve.kind !== "latest" || rejectionOf(desired, facts) || !candidate) {
                return undefined;
            }
            const inUse = [servingOf(desired, facts), stagingOf(desired, facts)];
            if (inUse.some((deployment) => deployment?.modelId === candidate.modelId)) return undefined;
            return {
                reason: `candidate ${candidate.label} is deployed to ${quoted(desired.gate.stagingDeploymentName)} to be checked`,
                label: candidate.label,
            };
        },
        effect: (desired, facts, step) =>
            served(facts, { name: desired.gate!.stagingDeploymentName }, step.label!, "staging"),
    },
    promote: {
        need: (desired, facts) => {
            if (!desired.gate || desired.serve.kind !== "latest") return undefined;
            const serving = servingOf(desired, facts);
            const current = labelServedBy(facts, serving) ?? "nothing";
            const rejected = rejectionOf(desired, facts);
            if (rejected) {
                return {
                    blocked: true,
                    label: rejected.label,
                    reason: rejectionReason(rejected.label, rejected.verdict, desired.deploymentName, current),
                };
            }
            const candidate = candidateModel(desired, facts);
            if (!candidate || serving?.modelId === candidate.modelId) return undefined;
            const how = serving
                ? `replaces ${current} in ${quoted(desired.deploymentName)}`
                : `is deployed as ${quoted(desired.deploymentName)}`;
            return {
                reason: `candidate ${candidate.label} ${how} if it passes the gate (${desired.gate.thresholds})`,
                label: candidate.label,
            };
        },
        effect: (desired, facts, step) => {
            if (step.blocked) return facts;
            return servingOf(desired, facts)
                ? swapped(facts)
                : served(facts, { name: desired.deploymentName }, step.label!, "serving");
        },
    },
    swap: {
        need: (desired, facts) => {
            if (desired.serve.kind === "latest") return undefined;
            const target = rollbackLabel(desired, facts);
            if ("blocked" in target) return undefined;
            const model = facts.models.find((kept) => kept.label === target.label);
            const [serving, staging] = [servingOf(desired, facts), stagingOf(desired, facts)];
            if (!serving || serving.modelId === model?.modelId || staging?.modelId !== model?.modelId) return undefined;
            return {
                reason: `${rollbackWhy(desired, target.label)} (${quoted(staging!.name)} holds it, so the deployments swap)`,
                label: target.label,
            };
        },
        effect: (desired, facts, step) => pinned(desired, swapped(facts), step.label!),
    },
    deploy: {
        need: (desired, facts) => {
            const serving = servingOf(desired, facts);
            if (desired.serve.kind !== "latest") {
                const target = rollbackLabel(desired, facts);
                if ("blocked" in target) return target.blocked;
                const model = facts.models.find((kept) => kept.label === target.label)!;
                if (serving?.modelId === model.modelId) return undefined;
                return { reason: rollbackWhy(desired, target.label), label: target.label };
            }
            if (desired.gate) return undefined;
            const candidate = candidateModel(desired, facts);
            if (!candidate || serving?.modelId === candidate.modelId) return undefined;
            const reason = !serving
                ? `deployment ${quoted(desired.deploymentName)} does not exist on the secondary`
                : facts.trainedNow
                  ? "the new model must be deployed"
                  : `the deployment serves another model (${labelServedBy(facts, serving) ?? serving.modelId})`;
            return { reason: `${reason}: ${candidate.label}`, label: candidate.label };
        },
        effect: (desired, facts, step) =>
            step.blocked
                ? facts
                : pinned(desired, served(facts, { name: desired.deploymentName }, step.label!, "serving"), step.label!),
    },
    prune: {
        need: (desired, facts) => {
            const labels = modelsToPrune(desired, facts);
            if (labels.length === 0) return undefined;
            return { reason: `${desired.keepModels} models are kept: ${labels.join(", ")} go`, labels };
        },
        effect: (_desired, facts, step) => ({
            ...facts,
            models: facts.models.filter((model) => !step.labels!.includes(model.label)),
        }),
    },
};

const order: readonly StepName[] = ["copy", "import", "train", "stage", "promote", "swap", "deploy", "prune"];

/**
 * The steps that bring the secondary to the desired replica, each with its reason. Pure: the
 * same function plans the preview (`diff`, from state) and the apply (`update`, from a fresh
 * look at the secondary), so what a reviewer sees is what runs.
 */
export function planReplication(desired: DesiredReplica, facts: ReplicaFacts): PlannedStep[] {
    const steps: PlannedStep[] = [];
    let projected: Projected = facts;
    for (const name of order) {
        const need = rules[name].need(desired, projected);
        if (!need) continue;
        steps.push({ name, ...need });
        projected = rules[name].effect(desired, projected, need);
    }
    return steps;
}
