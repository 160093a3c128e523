import type * as pulumi from "@pulumi/pulumi";
import type { LanguageResourceArgs, ReplicatedLanguageProject } from "../../provider";
import { readAzureConfig, type AzureConfig } from "./config";
import { createInfrastructure, type Infrastructure } from "./infrastructure";
import { languageConnection } from "./language-connection";
import { createReplicas } from "./replicas";

/**
 * The options of `createFailoverClient` (replicated-language-project/runtime) for one replica, as
 * they are: both runtime endpoints with their keys (secret outputs) or `entraId: {}` when keyless,
 * and the project and deployment names, which the replica shares with its primary.
 */
export interface FailoverClientOutputs {
    primary: LanguageResourceArgs;
    secondary: LanguageResourceArgs;
    projectName: string;
    deploymentName: pulumi.Output<string>;
}

/** What each replica reports: how to fail over to it at runtime, and how fresh it is. */
export interface ReplicaOutputs {
    failoverClientOptions: FailoverClientOutputs;
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
    /** The blob endpoint of the documents' storage each resource links (the same account unless storagePerRegion). */
    documentStorage: { primary: pulumi.Output<string>; secondary: pulumi.Output<string> };
    projects: Record<string, ReplicaOutputs>;
}

/**
 * The production Azure stack: two Language resources in two authoring regions sharing one
 * geo-redundant storage account (or each with its own, documents copied), and a replica of each
 * configured project. Keys appear in the
 * outputs only as secret outputs, inside each replica's `failoverClientOptions`.
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
                failoverClientOptions: {
                    primary: languageConnection(infrastructure.primary),
                    secondary: languageConnection(infrastructure.secondary),
                    projectName,
                    deploymentName: replica.deploymentName,
                },
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
        storageContainerName: infrastructure.storage.primary.container.name,
        documentStorage: {
            primary: infrastructure.storage.primary.blobEndpoint,
            secondary: infrastructure.storage.secondary.blobEndpoint,
        },
        projects,
    };
}
