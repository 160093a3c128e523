import * as pulumi from "@pulumi/pulumi";
import { ReplicatedLanguageProject } from "../../provider";
import type { ReplicaState } from "../../provider/lifecycle/replica-state";
import { missingDocument } from "../../provider/plan/document-fingerprint";
import { sampleProjects } from "./samples";

export interface LocalResources {
    primary: { endpoint: string; key: string };
    secondary: { endpoint: string; key: string };
    /** Connection strings of the storage accounts linked to each resource, where text projects' documents live. */
    storage: { primary: string; secondary: string };
    /** The local emulator allows more requests than Azure so the demo runs in seconds. */
    rateLimits?: { readsPerMinute: number; writesPerMinute: number };
    polling?: { initialIntervalMs: number; maxIntervalMs: number };
}

/**
 * Replicates every sample project from the primary emulator resource to the secondary one. The
 * orchestration project routes to the CLU project by name, so it waits for that replica. Each
 * resource links its own storage account, so the text projects' documents are copied along.
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
                ...(sample.documents && {
                    documents: {
                        source: { connectionString: resources.storage.primary },
                        target: { connectionString: resources.storage.secondary },
                    },
                }),
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
                replica.secondaryDocuments,
            ])
            .apply(([kind, deployment, model, revision, lastSyncedAt, documents]) => ({
                kind,
                // Absent once a refresh found it deleted on the secondary, until `up` restores it.
                deployment: deployment ? `${deployment.name} serves ${deployment.modelId}` : "absent",
                evaluation: model?.evaluation ?? "absent",
                syncedRevision: revision.lastModifiedDateTime,
                lastSyncedAt,
                ...(documents && { documents: documentsHeld(documents) }),
            }));
    }
    return outputs;
}

/** `4 of 4 in northeuropedocs/documents`: how many of the documents the secondary's storage holds. */
function documentsHeld(documents: NonNullable<ReplicaState["secondaryDocuments"]>): string {
    const locations = Object.values(documents.held);
    const held = locations.filter((content) => content !== missingDocument).length;
    return `${held} of ${locations.length} in ${documents.account}/${documents.container}`;
}
