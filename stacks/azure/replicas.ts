import { ReplicatedLanguageProject } from "../../provider";
import { type AzureConfig, textProjectKinds } from "./config";
import type { Infrastructure } from "./infrastructure";
import { languageConnection } from "./language-connection";
import { orderForReplication } from "./replication-order";

/**
 * One replica per configured project, keyed by project name. Each waits for the role
 * assignments (custom text projects are imported through the linked storage, and keyless
 * replication and document copies run on the deployer's roles) and for the replicas its
 * orchestration routes to. With storage per region, a text replica copies its documents from the
 * primary's account to the secondary's, as the deployer (Microsoft Entra ID).
 */
export function createReplicas(
    config: AzureConfig,
    infrastructure: Infrastructure,
): Map<string, ReplicatedLanguageProject> {
    const replicas = new Map<string, ReplicatedLanguageProject>();
    for (const project of orderForReplication(config.projects)) {
        // In replication order, so every dependency has been constructed already.
        const dependencies = project.dependsOn.map((name) => replicas.get(name)!);
        const replica = new ReplicatedLanguageProject(
            project.projectName,
            {
                primary: languageConnection(infrastructure.primary),
                secondary: languageConnection(infrastructure.secondary),
                projectName: project.projectName,
                projectKind: project.projectKind,
                deploymentName: project.deploymentName,
                modelLabel: project.modelLabel,
                training: project.trainingMode === undefined ? undefined : { trainingMode: project.trainingMode },
                documents:
                    config.storagePerRegion && textProjectKinds.includes(project.projectKind ?? "")
                        ? {
                              source: { blobEndpoint: infrastructure.storage.primary.blobEndpoint, entraId: {} },
                              target: { blobEndpoint: infrastructure.storage.secondary.blobEndpoint, entraId: {} },
                          }
                        : undefined,
            },
            { dependsOn: [...infrastructure.roleAssignments, ...dependencies] },
        );
        replicas.set(project.projectName, replica);
    }
    return replicas;
}
