import type { ErrorDetail } from "../../../provider/contract";
import { findTrainingConfig } from "../../catalog/training-configs";
import { newModelId } from "../../domain/identifiers";
import { trainModel } from "../../model/train-model";
import type { StoredJob, StoredProject } from "../../state/state-schema";
import type { JobEnvironment, OperationOf } from "../job-environment";
import { loadTrainingData } from "./training-data";

/**
 * Produces (or replaces) the model `modelLabel` from the working copy as it was when training
 * started (an import while it runs does not change what it learns); that copy is kept as the
 * model's snapshot for load-snapshot and snapshot exports. The model learns from the training
 * split, with the document texts as storage holds them now.
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
    const config = findTrainingConfig(project.metadata.projectKind, job.apiVersion, operation.trainingConfigVersion)!;
    project.models[operation.modelLabel] = {
        label: operation.modelLabel,
        modelId: newModelId(operation.modelLabel, env.now),
        trainedMs: env.now,
        trainingDurationSeconds: Math.round((env.now - job.createdMs) / 1000),
        trainingConfigVersion: config.trainingConfigVersion,
        expirationDate: config.modelExpirationDate,
        evaluationOptions: operation.evaluationOptions,
        snapshot,
        trained: trainModel(snapshot, operation.evaluationOptions, texts),
    };
    return [];
}
