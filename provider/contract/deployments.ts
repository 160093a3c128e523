import { z } from "zod";
import { dateOnlySchema, dateTimeSchema } from "./date-time";

/** A resource a CLU 2025-11-01 deployment is rolled out to besides its own. */
export const deploymentResourceSchema = z.looseObject({ resourceId: z.string(), region: z.string() });
export type DeploymentResource = z.infer<typeof deploymentResourceSchema>;

/**
 * Read back after deploying to confirm which model serves a deployment (`modelId` changes on
 * every retrain, even under the same label).
 */
export const projectDeploymentSchema = z.looseObject({
    deploymentName: z.string(),
    modelId: z.string(),
    lastTrainedDateTime: dateTimeSchema,
    lastDeployedDateTime: dateTimeSchema,
    deploymentExpirationDate: dateOnlySchema,
    modelTrainingConfigVersion: z.string(),
    // CLU 2025-11-01 only (required there); absent in every other family/version.
    assignedResources: z.array(deploymentResourceSchema).optional(),
});
export type ProjectDeployment = z.infer<typeof projectDeploymentSchema>;

/** PUT body that creates or replaces a deployment; strict so typos fail before the request. */
export const createDeploymentOptionsSchema = z.strictObject({
    trainedModelLabel: z.string(),
    // CLU 2025-11-01 only: ARM ids of extra resources to roll the deployment out to.
    assignedResourceIds: z.array(z.string()).optional(),
});
export type CreateDeploymentOptions = z.infer<typeof createDeploymentOptionsSchema>;

/** Swapping lets a new model go live under the production name without a gap. */
export const swapDeploymentsOptionsSchema = z.strictObject({
    firstDeploymentName: z.string(),
    secondDeploymentName: z.string(),
});
export type SwapDeploymentsOptions = z.infer<typeof swapDeploymentsOptionsSchema>;
