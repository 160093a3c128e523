import * as pulumi from "@pulumi/pulumi";
import type { ProjectKind } from "./contract";
import type { ReplicaState } from "./lifecycle/replica-state";
import { lazyProvider } from "./shim";

/** The package export the shim loads: the compiled lifecycle in `provider/lifecycle`. */
const implementation = "replicated-language-project/provider-implementation";

/** One Language resource: its endpoint, and a key (kept secret) or Microsoft Entra ID. */
export interface LanguageResourceArgs {
    /** `https://<custom-subdomain>.cognitiveservices.azure.com` (plain http only on loopback). */
    endpoint: pulumi.Input<string>;
    /** A resource key. Stored encrypted in state, never printed. */
    key?: pulumi.Input<string>;
    /** Use Microsoft Entra ID instead of a key: a service principal, or DefaultAzureCredential when empty. */
    entraId?: pulumi.Input<{
        tenantId?: pulumi.Input<string>;
        clientId?: pulumi.Input<string>;
        clientSecret?: pulumi.Input<string>;
    }>;
}

export interface ReplicatedLanguageProjectArgs {
    /** The resource holding the project. Only read: nothing is ever written to it. */
    primary: LanguageResourceArgs;
    /** The resource in another region that holds the replica. Changing it replaces the replica. */
    secondary: LanguageResourceArgs;
    /** The primary's project. Changing it replaces the replica. */
    projectName: pulumi.Input<string>;
    /** The replica's name; defaults to projectName. Changing it replaces the replica. */
    secondaryProjectName?: pulumi.Input<string>;
    /** Read from the primary; when declared, verified against it. */
    projectKind?: pulumi.Input<ProjectKind>;
    /** Defaults to the primary's only deployment, so runtime failover changes nothing but the endpoint. */
    deploymentName?: pulumi.Input<string>;
    /** Defaults to the deployment name. */
    modelLabel?: pulumi.Input<string>;
    /** Changing these retrains. trainingMode applies to Conversation and Orchestration (default standard). */
    training?: pulumi.Input<{
        trainingConfigVersion?: pulumi.Input<string>;
        trainingMode?: pulumi.Input<"standard" | "advanced">;
        evaluation?: pulumi.Input<{
            kind?: "percentage" | "manual";
            trainingSplitPercentage?: number;
            testingSplitPercentage?: number;
        }>;
    }>;
    /** 2023-04-01 by default; 2022-05-01 for both families, 2025-11-01 for conversations. */
    apiVersion?: pulumi.Input<"2022-05-01" | "2023-04-01" | "2025-11-01">;
    /** Minutes each step may take (defaults: export 15, import 15, train 240, deploy 60, delete 15). */
    timeoutMinutes?: pulumi.Input<{
        export?: number;
        import?: number;
        train?: number;
        deploy?: number;
        delete?: number;
    }>;
    /** How often jobs are polled (defaults: from 1 s, backing off to 30 s). */
    polling?: pulumi.Input<{ initialIntervalMs?: number; maxIntervalMs?: number }>;
    /** Client-side request budget per resource (defaults: the service's 100 GET and 10 writes a minute). */
    rateLimits?: pulumi.Input<{ readsPerMinute: number; writesPerMinute: number }>;
    /** What destroying this resource does to the replica: "delete" (default) or "retain" it serving. */
    onDelete?: pulumi.Input<"delete" | "retain">;
}

/**
 * A secondary-region replica of an Azure AI Language project, kept in sync with its primary:
 * export -> import -> train -> deploy under the same deployment name. `pulumi preview` shows a
 * pending resync (the primary's new revision and what changed) before it happens.
 */
export class ReplicatedLanguageProject extends pulumi.dynamic.Resource {
    declare readonly projectKind: pulumi.Output<ProjectKind>;
    declare readonly secondaryEndpoint: pulumi.Output<string>;
    declare readonly secondaryProjectName: pulumi.Output<string>;
    declare readonly deploymentName: pulumi.Output<string>;
    declare readonly modelLabel: pulumi.Output<string>;
    declare readonly secondaryProject: pulumi.Output<ReplicaState["secondaryProject"] & {}>;
    declare readonly trainedModel: pulumi.Output<ReplicaState["trainedModel"] & {}>;
    declare readonly deployment: pulumi.Output<ReplicaState["deployment"] & {}>;
    declare readonly syncedRevision: pulumi.Output<ReplicaState["syncedRevision"] & {}>;
    declare readonly lastSyncedAt: pulumi.Output<string>;

    constructor(name: string, args: ReplicatedLanguageProjectArgs, opts?: pulumi.CustomResourceOptions) {
        const props = {
            ...args,
            primary: withSecretCredentials(args.primary),
            secondary: withSecretCredentials(args.secondary),
            // Outputs the provider sets; listed so they exist on the resource.
            projectKind: args.projectKind,
            secondaryEndpoint: undefined,
            secondaryProjectName: args.secondaryProjectName,
            deploymentName: args.deploymentName,
            modelLabel: args.modelLabel,
            secondaryProject: undefined,
            trainedModel: undefined,
            deployment: undefined,
            syncedRevision: undefined,
            lastSyncedAt: undefined,
        };
        const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), "secondary"];
        super(
            lazyProvider(implementation),
            name,
            props,
            { ...opts, additionalSecretOutputs: secretOutputs },
            "language",
            "ReplicatedLanguageProject",
        );
    }
}

/** Marks the key and client secret secret even when the program passed plain strings. */
function withSecretCredentials(resource: LanguageResourceArgs): LanguageResourceArgs {
    return {
        endpoint: resource.endpoint,
        ...(resource.key !== undefined && { key: pulumi.secret(resource.key) }),
        ...(resource.entraId !== undefined && {
            entraId: pulumi.output(resource.entraId).apply((entra) => ({
                ...entra,
                ...(entra.clientSecret !== undefined && { clientSecret: pulumi.secret(entra.clientSecret) }),
            })),
        }),
    };
}
