import type { AuthoringClient } from "../client/authoring-client";
import type { ExportedProject } from "../contract";

/** A conversation project and deployment an orchestration intent routes to. */
interface Target {
    intent: string;
    projectName: string;
    deploymentName: string;
}

/** The conversation targets of an orchestration file; other kinds have none. */
function conversationTargetsOf(file: ExportedProject): Target[] {
    if (file.assets?.projectKind !== "Orchestration") return [];
    return (file.assets.intents ?? []).flatMap((intent) => {
        const target = intent.orchestration;
        if (target?.targetProjectKind !== "Conversation") return [];
        const { projectName, deploymentName } = target.conversationOrchestration;
        return [{ intent: intent.category, projectName, deploymentName }];
    });
}

/**
 * Orchestration routes to other projects by name in the same resource, so they must be on the
 * secondary (replicated and deployed) before the orchestration project is: fail before importing,
 * with the fix, rather than after a billed training.
 */
export async function checkOrchestrationTargets(secondary: AuthoringClient, file: ExportedProject): Promise<void> {
    const missing: string[] = [];
    for (const target of conversationTargetsOf(file)) {
        if (!(await secondary.findDeployment(target.projectName, target.deploymentName))) {
            missing.push(
                `intent "${target.intent}" routes to "${target.projectName}" deployment "${target.deploymentName}"`,
            );
        }
    }
    if (missing.length > 0) {
        throw new Error(
            `orchestration targets are not deployed on ${secondary.transport.resourceLabel}: ${missing.join("; ")}. ` +
                "Replicate those projects first (give this resource dependsOn on their ReplicatedLanguageProject)",
        );
    }
}
