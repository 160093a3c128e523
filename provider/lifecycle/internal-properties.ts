/**
 * Properties a resource carries for the provider's own use. The engine leaves keys starting with
 * `__` out of its displays; what changes between runs is also left out of its diffs (see below).
 * - `__provider`: the serialized provider (set by the SDK, see shim.ts);
 * - `__urn`: the resource's URN (set by resource.ts), so lines can be logged against it. It is
 *   copied into the outputs, because `read` and `delete` receive only those.
 * - `__expiryWatch`: the dates the last check read of the serving deployment (set by check, see
 *   recorded-expiry.ts), so that a check in sync sends the primary one GET and the secondary
 *   none. The resource lists it in `ignoreChanges`: a new reading is never a change.
 */
export interface InternalProperties {
    readonly __provider?: unknown;
    readonly __urn?: unknown;
    readonly __expiryWatch?: unknown;
}

/** The internal property that holds the expiry record; the resource ignores its changes. */
export const expiryWatchKey = "__expiryWatch";

/**
 * Splits a property bag into the provider's internal properties and the rest. Only the internal
 * properties present are kept: the internal ones are saved with a failed replica's state, and the
 * host cannot send an `undefined` value to the engine.
 */
export function splitInternal(props: Record<string, unknown>): {
    internal: InternalProperties;
    rest: Record<string, unknown>;
} {
    const { __provider, __urn, __expiryWatch, ...rest } = props;
    const present = Object.entries({ __provider, __urn, __expiryWatch }).filter(([, value]) => value !== undefined);
    return { internal: Object.fromEntries(present), rest };
}
