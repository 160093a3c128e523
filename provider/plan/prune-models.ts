import type { DesiredReplica, ReplicaFacts } from "./replica-facts";
import { candidateModel, labelServedBy, rollbackTarget } from "./serving-target";

/**
 * The replica's models to delete: all but the newest `keepModels`, except a model a deployment
 * serves, the one that served before (what a rollback returns to), the candidate asked for and
 * a model a rollback pins. The service keeps at most 10 models per project.
 */
export function modelsToPrune(desired: DesiredReplica, facts: ReplicaFacts): string[] {
    const target = desired.serve.kind === "latest" ? undefined : rollbackTarget(desired, facts);
    const kept = new Set(
        [
            labelServedBy(facts, facts.serving),
            labelServedBy(facts, facts.staging),
            facts.previousLabel,
            facts.pin?.label,
            candidateModel(desired, facts)?.label,
            target && "label" in target ? target.label : undefined,
        ].filter((label): label is string => label !== undefined),
    );
    return facts.models
        .slice(desired.keepModels)
        .map((model) => model.label)
        .filter((label) => !kept.has(label));
}
