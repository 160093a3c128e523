import type { AuthoringClient } from "../client/authoring-client";
import type { ProjectMetadata } from "../contract";
import { type Deployment, readDeployment } from "./deploy-model";
import { readTrainedModel, type TrainedModel } from "./train-model";

/** What the secondary holds now; each part is absent when it does not exist. */
export interface ReplicaObservation {
    project?: ProjectMetadata;
    model?: TrainedModel;
    deployment?: Deployment;
}

/** Reads the replica's project, model and deployment with GETs only. */
export async function observeReplica(
    client: AuthoringClient,
    project: string,
    modelLabel: string,
    deployment: string,
    signal?: AbortSignal,
): Promise<ReplicaObservation> {
    const details = await client.findProject(project, signal);
    if (!details) return {};
    const [model, deployed] = await Promise.all([
        readTrainedModel(client, project, modelLabel, signal),
        readDeployment(client, project, deployment, signal),
    ]);
    return { project: details, ...(model && { model }), ...(deployed && { deployment: deployed }) };
}
