import { type CheckedInputs, checkedInputsSchema } from "../../provider/lifecycle/inputs";

/** The checked inputs of a CLU replica "faq" on loopback endpoints, as `check` leaves them, with overrides. */
export function checkedInputsFor(overrides: Record<string, unknown> = {}): CheckedInputs {
    return checkedInputsSchema.parse({
        primary: { endpoint: "http://127.0.0.1:9/primary", key: "p" },
        secondary: { endpoint: "http://127.0.0.1:9/secondary", key: "s" },
        projectName: "faq",
        secondaryProjectName: "faq",
        projectKind: "Conversation",
        deploymentName: "prod",
        modelLabel: "prod",
        primaryRevision: {
            lastModifiedDateTime: "2026-11-20T10:00:00Z",
            contentHash: "sha256:new",
            items: {},
            changes: "",
        },
        ...overrides,
    });
}
