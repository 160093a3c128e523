import type { AuthoringClient } from "../client/authoring-client";
import {
    type ApiFamily,
    type ApiVersion,
    familyOfKind,
    isSupportedApiVersion,
    type ProjectKind,
    type ProjectMetadata,
    projectKindSchema,
} from "../contract";

/** Where a project of unknown kind may live: conversations first, as CLU projects are the most common. */
const familiesToProbe: readonly ApiFamily[] = ["analyze-conversations", "analyze-text"];

/**
 * Finds the primary project, asking `findIn` for it in one family after another. With a
 * declared kind only that family is asked; otherwise both, since the service has no
 * family-independent project lookup, starting with the family of the kind seen last time, so
 * that a preview asks once. `findIn` reads with GETs only (see shared-project-lookups).
 */
export async function findPrimaryProject(
    findIn: (family: ApiFamily) => Promise<ProjectMetadata | undefined>,
    kinds: { declared?: ProjectKind; lastSeen?: ProjectKind },
    apiVersion: ApiVersion,
): Promise<ProjectMetadata | undefined> {
    const likely = kinds.lastSeen ? familyOfKind(kinds.lastSeen) : familiesToProbe[0]!;
    const candidates = kinds.declared
        ? [familyOfKind(kinds.declared)]
        : [likely, ...familiesToProbe.filter((family) => family !== likely)];
    // A family that does not serve this api-version has no project to find (2025-11-01 is conversations only).
    const families = candidates.filter((family) => isSupportedApiVersion(family, apiVersion));
    for (const family of families) {
        const found = await findIn(family);
        if (found) return found;
    }
    return undefined;
}

/** Narrows the kind a project reports to one this provider replicates. */
export function replicableKind(details: ProjectMetadata): ProjectKind | undefined {
    const parsed = projectKindSchema.safeParse(details.projectKind);
    return parsed.success ? parsed.data : undefined;
}

/**
 * The deployment name to mirror when none is declared: the primary's only deployment, as the
 * seeds advise (runtime failover then needs no change but the endpoint). Returns a problem
 * when there is no single answer.
 */
export async function primaryDeploymentName(
    client: AuthoringClient,
    project: string,
    signal?: AbortSignal,
): Promise<{ name: string } | { problem: string }> {
    const deployments = await client.listDeployments(project, signal);
    if (deployments.length === 1) return { name: deployments[0]!.deploymentName };
    if (deployments.length === 0) {
        return { problem: `the primary project "${project}" has no deployment to mirror; set deploymentName` };
    }
    const names = deployments.map((deployment) => `"${deployment.deploymentName}"`).join(", ");
    return {
        problem: `the primary project "${project}" has ${deployments.length} deployments (${names}); set deploymentName to the one to mirror`,
    };
}
