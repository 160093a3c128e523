import { sameIdentity } from "./model-identity";
import type { DeploymentFact, DesiredReplica, KeptModel, ReplicaFacts } from "./replica-facts";

/**
 * The model of the identity asked for, if the secondary has one: under its candidate label, or
 * under another label the provider recorded it for (a model trained before candidate labels).
 */
export function candidateModel(desired: DesiredReplica, facts: ReplicaFacts): KeptModel | undefined {
    return (
        facts.models.find((model) => model.label === desired.candidateLabel) ??
        facts.models.find((model) => model.trainedFrom && sameIdentity(model.trainedFrom, desired.identity))
    );
}

/** The serving deployment, when it is the one asked for (a renamed deployment does not exist yet). */
export function servingOf(desired: DesiredReplica, facts: ReplicaFacts): DeploymentFact | undefined {
    return facts.serving?.name === desired.deploymentName ? facts.serving : undefined;
}

export function stagingOf(desired: DesiredReplica, facts: ReplicaFacts): DeploymentFact | undefined {
    return desired.gate && facts.staging?.name === desired.gate.stagingDeploymentName ? facts.staging : undefined;
}

/** The label of the model a deployment serves, if it is one of the replica's. */
export function labelServedBy(facts: ReplicaFacts, deployment: DeploymentFact | undefined): string | undefined {
    return deployment && facts.models.find((model) => model.modelId === deployment.modelId)?.label;
}

/** A candidate the gate rejected, which blocks it in enforce mode. */
export function rejectionOf(
    desired: DesiredReplica,
    facts: ReplicaFacts,
): { label: string; verdict: string } | undefined {
    if (desired.gate?.mode !== "enforce") return undefined;
    return facts.rejected.find((rejected) => rejected.label === desired.candidateLabel);
}

/**
 * The label a rollback asks to serve, or why there is none: "previous" keeps meaning the model
 * it meant when first applied (the pin), not whatever served before the rollback itself.
 */
export function rollbackTarget(desired: DesiredReplica, facts: ReplicaFacts): { label: string } | { problem: string } {
    const serve = desired.serve;
    if (serve.kind === "label") return { label: serve.label };
    if (facts.pin?.request === "previous") return { label: facts.pin.label };
    return facts.previousLabel
        ? { label: facts.previousLabel }
        : { problem: 'servingModel is "previous", but no model served before the current one' };
}
