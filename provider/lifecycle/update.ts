import type * as pulumi from "@pulumi/pulumi";
import { applyReplication } from "./apply-replication";
import { checkedInputsSchema } from "./inputs";
import { splitInternal } from "./internal-properties";
import { outputsOf } from "./outputs";
import type { ReplicaState } from "./replica-state";

/** Resyncs the replica, running only the steps the planner finds needed. */
export async function update(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
    const { internal, rest } = splitInternal(news);
    const { state } = await applyReplication(checkedInputsSchema.parse(rest), olds as Partial<ReplicaState>, internal);
    return { outs: outputsOf(state, internal) };
}
