import type * as pulumi from "@pulumi/pulumi";
import { planReplication } from "../plan/plan-replication";
import { describePlan } from "./apply-replication";
import { normalizedEndpoint } from "./connections";
import { checkedInputsSchema } from "./inputs";
import { splitInternal } from "./internal-properties";
import { desiredReplicaOf, factsOf, replicaLabelOf, type ReplicaState } from "./replica-state";
import { resourceLog } from "./resource-log";
import { containsUnknowns } from "./unknowns";

/** Inputs whose change replaces the replica instead of updating it. */
const replaceKeys = ["secondary", "secondaryProjectName", "projectName"] as const;

/**
 * Plans from the state (refreshed by `read` when asked) with the planner `update` uses. When the
 * planner finds steps, the resource changes even if no input did (a deployment deleted on the
 * secondary, say) and the plan is printed for the reviewer; otherwise the engine compares old
 * and new inputs itself, which is what shows a pending resync property by property.
 */
export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    const { internal, rest: checked } = splitInternal(news);
    if (containsUnknowns(checked)) {
        // Not known until apply: a replace-key that is unknown may replace, so the preview says it might.
        const unknown = replaceKeys.filter((key) => containsUnknowns(checked[key]));
        return unknown.length > 0 ? { changes: true, replaces: unknown } : { changes: true };
    }
    const inputs = checkedInputsSchema.parse(checked);
    const state = olds as Partial<ReplicaState>;
    const replaces = [
        normalizedEndpoint(inputs.secondary) !== state.secondaryEndpoint && "secondary",
        inputs.secondaryProjectName !== state.secondaryProjectName && "secondaryProjectName",
        inputs.projectName !== state.projectName && "projectName",
    ].filter((key): key is string => key !== false);
    if (replaces.length > 0) {
        // The new replica would take the old one's name on the same resource: remove the old first.
        const sameReplica = !replaces.includes("secondary") && !replaces.includes("secondaryProjectName");
        return { changes: true, replaces, deleteBeforeReplace: sameReplica };
    }
    const steps = planReplication(desiredReplicaOf(inputs, state), factsOf(state));
    if (steps.length === 0) return {};
    const log = resourceLog(internal.__urn, replicaLabelOf(inputs));
    log.info(`plan: ${describePlan(steps)}`);
    await log.flushed();
    return { changes: true };
}
