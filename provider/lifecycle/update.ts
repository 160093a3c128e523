import type * as pulumi from "@pulumi/pulumi";
import { applyReplication } from "./apply-replication";
import type { TransportIo } from "./connections";
import { checkedInputsSchema } from "./inputs";
import { splitInternal } from "./internal-properties";
import { outputsOf } from "./outputs";
import type { ReplicaState } from "./replica-state";

/** Resyncs the replica, running only the steps the planner finds needed; `io` as for create. */
export async function update(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    io: TransportIo = {},
): Promise<pulumi.dynamic.UpdateResult> {
    const { internal, rest } = splitInternal(news);
    const previous = olds as Partial<ReplicaState>;
    const { state } = await applyReplication(checkedInputsSchema.parse(rest), previous, internal, io);
    return { outs: outputsOf(state, internal) };
}
