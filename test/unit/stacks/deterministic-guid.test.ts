import { expect } from "chai";
import { roleAssignmentGuid, uuidV5 } from "../../../stacks/azure/deterministic-guid";

const dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const scope = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/docs";

describe("deterministic GUIDs", () => {
    it("computes RFC 9562 version 5 UUIDs", () => {
        // The value Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") returns.
        expect(uuidV5(dnsNamespace, "python.org")).to.equal("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    });

    it("names a role assignment the same way on every run, whatever the scope's casing", () => {
        const name = roleAssignmentGuid(scope, "principal", "role");
        expect(name).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(roleAssignmentGuid(scope.toUpperCase(), "PRINCIPAL", "role")).to.equal(name);
    });

    it("gives each scope, principal and role its own name", () => {
        const names = new Set([
            roleAssignmentGuid(scope, "principal", "role"),
            roleAssignmentGuid(`${scope}2`, "principal", "role"),
            roleAssignmentGuid(scope, "principal2", "role"),
            roleAssignmentGuid(scope, "principal", "role2"),
        ]);
        expect(names.size).to.equal(4);
    });
});
