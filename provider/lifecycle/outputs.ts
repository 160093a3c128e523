import type { InternalProperties } from "./internal-properties";
import type { ReplicaState } from "./replica-state";

/**
 * The state as outputs: undefined values are dropped (the engine rejects them) and the
 * connection keeps its name, `secondary`, so the engine keeps its key secret as it was in the
 * inputs (the resource also lists it in additionalSecretOutputs). The URN goes along for
 * `read` and `delete`, which receive nothing but the outputs.
 */
export function outputsOf(state: ReplicaState, internal: InternalProperties): Record<string, unknown> {
    return withoutUndefined({ ...state, __urn: internal.__urn }) as Record<string, unknown>;
}

function withoutUndefined(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutUndefined);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, item]) => item !== undefined)
                .map(([key, item]) => [key, withoutUndefined(item)]),
        );
    }
    return value;
}
