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
