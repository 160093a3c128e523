import type { ErrorDetail } from "../../../provider/contract";
import { newModelId } from "../../domain/identifiers";
import { degradeModel } from "../../model/degrade-model";
import { trainModel } from "../../model/train-model";
import type { ProjectContent, StoredJob, StoredProject } from "../../state/state-schema";
import type { JobEnvironment, OperationOf } from "../job-environment";
import { loadTrainingData } from "./training-data";

/**
 * Produces (or replaces) the model `modelLabel` from the working copy as it was when training
 * started (an import while it runs does not change what it learns); that copy is kept as the
 * model's snapshot for load-snapshot and snapshot exports. The model learns from the training
 * split, with the document texts as storage holds them now; an admin rule may make it worse.
 */
export async function runTraining(
    project: StoredProject,
    operation: OperationOf<"train">,
    env: JobEnvironment,
    job: StoredJob,
): Promise<ErrorDetail[]> {
    const snapshot = operation.trainingData;
    const { problems, texts } = await loadTrainingData(snapshot, env.resource, env.state);
    if (problems.length > 0) {
        return [...problems];
    }
    const config = env.training.configs.find(
        project.metadata.projectKind,
        job.apiVersion,
        operation.trainingConfigVersion,
    )!;
    const learn = (content: ProjectContent) => trainModel(content, operation.evaluationOptions, texts);
    const quality = env.training.quality.takeFor(env.resource.name, project.metadata.projectName);
    const trained = quality === undefined ? learn(snapshot) : degradeModel(learn(snapshot), snapshot, quality, learn);
    project.models[operation.modelLabel] = {
        label: operation.modelLabel,
        modelId: newModelId(operation.modelLabel, env.now),
        trainedMs: env.now,
        trainingDurationSeconds: Math.round((env.now - job.createdMs) / 1000),
        trainingConfigVersion: config.trainingConfigVersion,
        expirationDate: config.modelExpirationDate,
        evaluationOptions: operation.evaluationOptions,
        snapshot,
        trained,
    };
    return [];
}
