import type { ProjectTrainedModel } from "../../../provider/contract";
import { formatPreciseDateTime } from "../../domain/timestamps";
import type { StoredModel } from "../../state/state-schema";
import type { VersionFeatures } from "../api-version-features";

export function renderModel(model: StoredModel, features: VersionFeatures): ProjectTrainedModel {
    return {
        label: model.label,
        modelId: model.modelId,
        lastTrainedDateTime: formatPreciseDateTime(model.trainedMs),
        lastTrainingDurationInSeconds: model.trainingDurationSeconds,
        modelExpirationDate: model.expirationDate,
        modelTrainingConfigVersion: model.trainingConfigVersion,
        // Every model has its training data kept; versions before snapshots just do not say so.
        ...(features.modelHasSnapshot ? { hasSnapshot: true } : {}),
    };
}
