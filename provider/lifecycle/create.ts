import type * as pulumi from "@pulumi/pulumi";
import { applyReplication } from "./apply-replication";
import type { TransportIo } from "./connections";
import { checkedInputsSchema } from "./inputs";
import { splitInternal } from "./internal-properties";
import { outputsOf } from "./outputs";

/**
 * Creates the replica: export -> import -> train -> deploy into the secondary. `io` is for fast
 * tests (the engine passes only the inputs).
 */
export async function create(
    inputs: Record<string, unknown>,
    io: TransportIo = {},
): Promise<pulumi.dynamic.CreateResult> {
    const { internal, rest } = splitInternal(inputs);
    const { id, state } = await applyReplication(checkedInputsSchema.parse(rest), undefined, internal, io);
    return { id, outs: outputsOf(state, internal) };
}
