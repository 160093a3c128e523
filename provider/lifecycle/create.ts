import type * as pulumi from "@pulumi/pulumi";
import { applyReplication } from "./apply-replication";
import { checkedInputsSchema } from "./inputs";
import { splitInternal } from "./internal-properties";
import { outputsOf } from "./outputs";

/** Creates the replica: export -> import -> train -> deploy into the secondary. */
export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const { internal, rest } = splitInternal(inputs);
    const { id, state } = await applyReplication(checkedInputsSchema.parse(rest), undefined, internal);
    return { id, outs: outputsOf(state, internal) };
}
