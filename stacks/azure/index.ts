import type * as pulumi from "@pulumi/pulumi";
import type { ReplicatedLanguageProject } from "../../provider";
import { readAzureConfig, type AzureConfig } from "./config";
import { createInfrastructure, type Infrastructure } from "./infrastructure";
import { createReplicas } from "./replicas";

/** What each replica reports: enough to fail over (the deployment to call) and to see how fresh it is. */
export interface ReplicaOutputs {
    secondaryDeploymentName: pulumi.Output<string>;
    modelId: pulumi.Output<string>;
    lastSyncedAt: pulumi.Output<string>;
    syncedRevision: pulumi.Output<{ lastModifiedDateTime: string; contentHash: string }>;
}

export interface AzureStackOutputs {
    primaryRegion: string;
    secondaryRegion: string;
    primaryEndpoint: pulumi.Output<string>;
    secondaryEndpoint: pulumi.Output<string>;
    storageContainerName: pulumi.Output<string>;
    projects: Record<string, ReplicaOutputs>;
}

/**
 * The production Azure stack: two Language resources in two authoring regions sharing one
 * geo-redundant storage account, and a replica of each configured project. Keys never appear
 * in the outputs, not even as secrets.
 */
export async function azureProgram(): Promise<AzureStackOutputs> {
    const config = readAzureConfig();
    const infrastructure = createInfrastructure(config);
    return stackOutputs(config, infrastructure, createReplicas(config, infrastructure));
}

function stackOutputs(
    config: AzureConfig,
    infrastructure: Infrastructure,
    replicas: Map<string, ReplicatedLanguageProject>,
): AzureStackOutputs {
    const projects = Object.fromEntries(
        [...replicas].map(([projectName, replica]): [string, ReplicaOutputs] => [
            projectName,
            {
                secondaryDeploymentName: replica.deploymentName,
                // "absent" once a refresh found the deployment deleted, until `up` restores it.
                modelId: replica.deployment.apply((deployment) => deployment?.modelId ?? "absent"),
                lastSyncedAt: replica.lastSyncedAt,
                syncedRevision: replica.syncedRevision,
            },
        ]),
    );
    return {
        primaryRegion: config.primaryRegion,
        secondaryRegion: config.secondaryRegion,
        primaryEndpoint: infrastructure.primary.endpoint,
        secondaryEndpoint: infrastructure.secondary.endpoint,
        storageContainerName: infrastructure.container.name,
        projects,
    };
}
