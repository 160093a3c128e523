/**
 * Properties a resource carries for the provider's own use. The engine treats keys starting
 * with `__` as internal: it leaves them out of diffs and displays.
 * - `__provider`: the serialized provider (set by the SDK, see shim.ts);
 * - `__urn`: the resource's URN (set by resource.ts), so lines can be logged against it. It is
 *   copied into the outputs, because `read` and `delete` receive only those.
 */
export interface InternalProperties {
    readonly __provider?: unknown;
    readonly __urn?: unknown;
}

/** Splits a property bag into the provider's internal properties and the rest. */
export function splitInternal(props: Record<string, unknown>): {
    internal: InternalProperties;
    rest: Record<string, unknown>;
} {
    const { __provider, __urn, ...rest } = props;
    return { internal: { __provider, __urn }, rest };
}
