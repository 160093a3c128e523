import { createHash } from "node:crypto";

/** This stack's namespace for name-based GUIDs (a fixed random UUID; changing it renames every role assignment). */
export const roleAssignmentNamespace = "3f1c2f9e-6b7d-4c53-9a51-2d8e0c4b7a16";

/**
 * A name-based (version 5, SHA-1) UUID, RFC 9562 section 5.5: the same namespace and name
 * always give the same GUID. Role assignment names must be GUIDs and ARM refuses a second
 * assignment of the same role to the same principal at the same scope, so a name derived from
 * those three keeps reruns and re-imports idempotent, like Bicep's `guid(scope, principal, role)`.
 */
export function uuidV5(namespace: string, name: string): string {
    const namespaceBytes = Buffer.from(namespace.replace(/-/g, ""), "hex");
    const bytes = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x50;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

/** ARM ids are case-insensitive, so the scope is lower-cased: a casing change must not rename the assignment. */
export function roleAssignmentGuid(scope: string, principalId: string, roleDefinitionGuid: string): string {
    return uuidV5(roleAssignmentNamespace, `${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleDefinitionGuid}`);
}
