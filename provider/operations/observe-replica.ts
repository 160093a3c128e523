import type { AuthoringClient } from "../client/authoring-client";
import type { ProjectMetadata, ProjectTrainedModel } from "../contract";
import { type Deployment, readDeployment } from "./deploy-model";
import { type TrainedModel, trainedModelOf } from "./train-model";

/** What the secondary holds now; each part is absent when it does not exist. */
export interface ReplicaObservation {
    project?: ProjectMetadata;
    /** The replica's models, newest first. */
    models?: ProjectTrainedModel[];
    deployment?: Deployment;
    staging?: Deployment;
    /** The model the deployment serves, with its evaluation. */
    servingModel?: TrainedModel;
}

/** Which of the secondary's models and deployments are the replica's. */
export interface ReplicaNames {
    isReplicaModel: (label: string) => boolean;
    deploymentName: string;
    stagingDeploymentName?: string;
}

/** Reads the replica's project, models and deployments with GETs only. */
export async function observeReplica(
    client: AuthoringClient,
    project: string,
    names: ReplicaNames,
    signal?: AbortSignal,
): Promise<ReplicaObservation> {
    const details = await client.findProject(project, signal);
    if (!details) return {};
    const staging = names.stagingDeploymentName;
    const [models, deployment, staged] = await Promise.all([
        client.listModels(project, signal),
        readDeployment(client, project, names.deploymentName, signal),
        staging === undefined ? undefined : readDeployment(client, project, staging, signal),
    ]);
    const served = deployment && models.find((model) => model.modelId === deployment.modelId);
    return {
        project: details,
        models: models
            .filter((model) => names.isReplicaModel(model.label))
            .sort((a, b) => Date.parse(b.lastTrainedDateTime) - Date.parse(a.lastTrainedDateTime)),
        ...(deployment && { deployment }),
        ...(staged && { staging: staged }),
        ...(served && { servingModel: await trainedModelOf(client, project, served, signal) }),
    };
}
