import type { ProjectDeployment } from "../../../provider/contract";
import { formatDateTime, formatPreciseDateTime } from "../../domain/timestamps";
import type { StoredDeployment } from "../../state/state-schema";
import type { VersionFeatures } from "../api-version-features";

export function renderDeployment(deployment: StoredDeployment, features: VersionFeatures): ProjectDeployment {
    return {
        deploymentName: deployment.deploymentName,
        modelId: deployment.modelId,
        lastTrainedDateTime: formatPreciseDateTime(deployment.modelTrainedMs),
        lastDeployedDateTime: formatDateTime(deployment.deployedMs),
        deploymentExpirationDate: deployment.expirationDate,
        modelTrainingConfigVersion: deployment.trainingConfigVersion,
        // Required where deployments have resources; the emulator assigns none, so it is always empty.
        ...(features.deploymentResources ? { assignedResources: [] } : {}),
    };
}
