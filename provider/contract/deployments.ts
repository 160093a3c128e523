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

/**
 * How a deploy body names the extra resources to roll out to, which changed from version to
 * version: ARM ids, `{resourceId, region}` objects, or `{azureResourceId, region}` objects.
 */
export type DeploymentResourceReference = "ids" | "resources" | "azureResources";

const dataGenerationConnectionSchema = z.strictObject({
    kind: z.string(),
    deploymentName: z.string(),
    resourceId: z.string().optional(),
});

const resourceReferenceSchemas: Readonly<Record<DeploymentResourceReference, z.ZodType>> = {
    ids: z.array(z.string()),
    resources: z.array(
        z.strictObject({
            resourceId: z.string(),
            region: z.string(),
            assignedAoaiResource: dataGenerationConnectionSchema.optional(),
        }),
    ),
    azureResources: z.array(
        z.strictObject({
            azureResourceId: z.string(),
            region: z.string(),
            assignedAoaiResource: dataGenerationConnectionSchema.optional(),
        }),
    ),
};

/** The deploy body of one api-version: the model label plus that version's resource fields. */
export function deployBodySchemaFor(fields: Readonly<Record<string, DeploymentResourceReference>>) {
    const shape = Object.fromEntries(
        Object.entries(fields).map(([name, reference]) => [name, resourceReferenceSchemas[reference].optional()]),
    );
    return z.strictObject({ trainedModelLabel: z.string(), ...shape });
}

/** Swapping lets a new model go live under the production name without a gap. */
export const swapDeploymentsOptionsSchema = z.strictObject({
    firstDeploymentName: z.string(),
    secondDeploymentName: z.string(),
});
export type SwapDeploymentsOptions = z.infer<typeof swapDeploymentsOptionsSchema>;
