import type * as pulumi from "@pulumi/pulumi";
import { applyReplication } from "./apply-replication";
import { checkedInputsSchema } from "./inputs";
import { outputsOf } from "./outputs";
import type { ReplicaState } from "./replica-state";

/** Resyncs the replica, running only the steps the planner finds needed. */
export async function update(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
    const { __provider, ...checked } = news;
    const { state } = await applyReplication(
        checkedInputsSchema.parse(checked),
        olds as Partial<ReplicaState>,
        __provider,
    );
    return { outs: outputsOf(state) };
}
