import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { roleAssignmentGuid } from "./deterministic-guid";

/**
 * Built-in role definition ids (the same in every tenant). Sources: the Language docs
 * "roles-for-resource-and-storage" (storage) and "Language role-based access control" (the rest).
 */
export const builtInRoles = {
    /**
     * Lets a Language resource's identity read and write the documents of custom text projects;
     * with storage per region, lets the deployer write the copies into the secondary's container.
     */
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    /** With storage per region: lets the deployer list and read the primary's documents, and nothing more. */
    storageBlobDataReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
    /** Enough to export a project (the primary is only read). */
    languageReader: "7628b7b8-a8b2-4cdc-b46f-e9b35248918e",
    /** Import, train, deploy and delete; Language Writer cannot deploy or delete. */
    languageOwner: "f07febfe-79bc-46b1-8b37-790e26e6e498",
} as const;

export interface RoleAssignmentSpec {
    role: keyof typeof builtInRoles;
    principalId: pulumi.Input<string>;
    /** ARM refuses an assignment whose principalType is not the principal's. */
    principalType: "User" | "Group" | "ServicePrincipal";
    scope: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
}

/** A role assignment whose name is derived from scope, principal and role, so reruns never duplicate it. */
export function assignRole(name: string, spec: RoleAssignmentSpec): authorization.RoleAssignment {
    const roleGuid = builtInRoles[spec.role];
    return new authorization.RoleAssignment(name, {
        principalId: spec.principalId,
        principalType: spec.principalType,
        roleDefinitionId: pulumi.interpolate`/subscriptions/${spec.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
        scope: spec.scope,
        roleAssignmentName: pulumi
            .all([spec.scope, spec.principalId])
            .apply(([scope, principalId]) => roleAssignmentGuid(scope, principalId, roleGuid)),
    });
}
