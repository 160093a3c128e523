import type { AuthoringClient } from "../client/authoring-client";
import type { OrchestrationIntent } from "../contract";

/** A conversation project and deployment an orchestration intent routes to. */
interface Target {
    intent: string;
    projectName: string;
    deploymentName: string;
}

/** The conversation targets among an orchestration project's intents. */
function conversationTargetsOf(intents: readonly OrchestrationIntent[]): Target[] {
    return intents.flatMap((intent) => {
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
export async function checkOrchestrationTargets(
    secondary: AuthoringClient,
    intents: readonly OrchestrationIntent[],
): Promise<void> {
    const missing: string[] = [];
    for (const target of conversationTargetsOf(intents)) {
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
