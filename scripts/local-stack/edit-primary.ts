import type { EmulatorAdminClient } from "../../emulator";

/**
 * Edits the primary CLU project as a user would in Language Studio, so that the next preview
 * shows a pending resync. Each call adds a new intent with one utterance.
 */
export async function editPrimary(admin: EmulatorAdminClient): Promise<string> {
    const intent = `ChangeBooking${Date.now().toString(36)}`;
    const text = "move my booking AB123456 to friday";
    await admin.editProject("primary", "travel-clu", { op: "addIntent", intent: { category: intent } });
    const project = await admin.editProject("primary", "travel-clu", {
        op: "addUtterance",
        utterance: { text, intent },
    });
    return `edited "travel-clu" on the primary: added intent ${intent} with the utterance "${text}" (lastModifiedDateTime ${project.lastModifiedDateTime})`;
}
