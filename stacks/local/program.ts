import * as pulumi from "@pulumi/pulumi";
import { ReplicatedLanguageProject } from "../../provider";
import { sampleProjects } from "./samples";

export interface LocalResources {
    primary: { endpoint: string; key: string };
    secondary: { endpoint: string; key: string };
    /** The local emulator allows more requests than Azure so the demo runs in seconds. */
    rateLimits?: { readsPerMinute: number; writesPerMinute: number };
    polling?: { initialIntervalMs: number; maxIntervalMs: number };
}

/**
 * Replicates every sample project from the primary emulator resource to the secondary one. The
 * orchestration project routes to the CLU project by name, so it waits for that replica.
 */
export function localProgram(resources: LocalResources): Record<string, pulumi.Output<unknown>> {
    const replicas = new Map<string, ReplicatedLanguageProject>();
    for (const sample of sampleProjects) {
        const name = sample.file.metadata.projectName;
        const replica = new ReplicatedLanguageProject(
            name,
            {
                primary: resources.primary,
                secondary: resources.secondary,
                projectName: name,
                ...(resources.rateLimits && { rateLimits: resources.rateLimits }),
                ...(resources.polling && { polling: resources.polling }),
            },
            { dependsOn: (sample.dependsOn ?? []).map((target) => replicas.get(target)!) },
        );
        replicas.set(name, replica);
    }
    const outputs: Record<string, pulumi.Output<unknown>> = {};
    for (const [name, replica] of replicas) {
        outputs[name] = pulumi
            .all([
                replica.projectKind,
                replica.deployment,
                replica.trainedModel,
                replica.syncedRevision,
                replica.lastSyncedAt,
            ])
            .apply(([kind, deployment, model, revision, lastSyncedAt]) => ({
                kind,
                // Absent once a refresh found it deleted on the secondary, until `up` restores it.
                deployment: deployment ? `${deployment.name} serves ${deployment.modelId}` : "absent",
                evaluation: model?.evaluation ?? "absent",
                syncedRevision: revision.lastModifiedDateTime,
                lastSyncedAt,
            }));
    }
    return outputs;
}
