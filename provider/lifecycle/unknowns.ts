import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

/**
 * True when some input is not known yet: during a preview, outputs of resources not yet created
 * (an endpoint from azure-native, say) arrive as a sentinel string. Nothing can be observed then.
 */
export function containsUnknowns(value: unknown): boolean {
    if (value === unknownValue) return true;
    if (Array.isArray(value)) return value.some(containsUnknowns);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknowns);
    return false;
}

/** The value at a path of the inputs, or undefined where the path leads nowhere. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
    return path.reduce<unknown>(
        (node, key) =>
            node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined,
        value,
    );
}
