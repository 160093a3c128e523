import type * as pulumi from "@pulumi/pulumi";
import { applyReplication } from "./apply-replication";
import { checkedInputsSchema } from "./inputs";
import { outputsOf } from "./outputs";

/** Creates the replica: export -> import -> train -> deploy into the secondary. */
export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const { __provider, ...checked } = inputs;
    const { id, state } = await applyReplication(checkedInputsSchema.parse(checked), undefined, __provider);
    return { id, outs: outputsOf(state) };
}
