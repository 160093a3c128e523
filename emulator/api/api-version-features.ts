import type { z } from "zod";
import {
    isSupportedApiVersion,
    textPreviewSettingsShape,
    type ApiFamily,
    type ApiVersion,
    type DeploymentResourceReference,
} from "../../provider/contract";

/** What differs between the family/api-version pairs the service accepts. */
export interface VersionFeatures {
    /** `models/{label}/:load-snapshot` and its job exist. */
    readonly loadSnapshot: boolean;
    /** `:export` honours `trainedModelLabel` (before, the unknown parameter is ignored). */
    readonly exportTrainedModelLabel: boolean;
    /** Trained models carry `hasSnapshot`. */
    readonly modelHasSnapshot: boolean;
    /** Deployments carry `assignedResources`; `{p}/resources` and `global/deployments/resources` exist. */
    readonly deploymentResources: boolean;
    /** Deploy-body fields naming resources to roll the deployment out to, and how each names them. */
    readonly deployResourceFields: Readonly<Record<string, DeploymentResourceReference>>;
    /** `global/prebuilt-entities` exists. */
    readonly prebuiltEntities: boolean;
    /** `global/languages` filters by the `projectKind` query parameter. */
    readonly languagesByProjectKind: boolean;
    /** Service errors carry an `x-ms-error-code` header (declared by the TypeSpec-generated specs). */
    readonly errorCodeHeader: boolean;
    /** CLU entity fields this version's project file does not know: dropped on import and on export. */
    readonly unknownEntityFields: readonly string[];
    /** Training bodies may carry `dataGenerationSettings` (synthetic utterances from Azure OpenAI). */
    readonly dataGeneration: boolean;
    /** Project settings this version knows beyond the stable ones. */
    readonly extraProjectSettings: z.ZodRawShape;
}

type FamilyVersion = `${ApiFamily}@${ApiVersion}`;

const noDeployResources: VersionFeatures["deployResourceFields"] = {};

/**
 * One row per family and api-version the service serves. Sources: the specs of each version (the
 * 2022-05-01/2023-04-01/2025-11-01 files in shared/reference, the 2024-11-15-preview,
 * 2025-05-15-preview and 2025-11-15-preview files in Azure/azure-rest-api-specs) and, where the
 * SDKs send what a spec does not name, the official SDKs (which were written against the service).
 */
const featuresTable: Readonly<Partial<Record<FamilyVersion, VersionFeatures>>> = {
    "analyze-text@2022-05-01": {
        loadSnapshot: false,
        exportTrainedModelLabel: false,
        modelHasSnapshot: false,
        deploymentResources: false,
        deployResourceFields: noDeployResources,
        prebuiltEntities: false,
        // The 2022-05-01 text spec has no projectKind parameter on global/languages.
        languagesByProjectKind: false,
        errorCodeHeader: false,
        unknownEntityFields: [],
        dataGeneration: false,
        extraProjectSettings: {},
    },
    "analyze-text@2023-04-01": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: false,
        deployResourceFields: noDeployResources,
        prebuiltEntities: false,
        languagesByProjectKind: true,
        // The text 2023-04-01 spec declares no x-ms-error-code header.
        errorCodeHeader: false,
        unknownEntityFields: [],
        dataGeneration: false,
        extraProjectSettings: {},
    },
    "analyze-text@2024-11-15-preview": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        // Resource assignment came to text with this preview (TypeSpec-generated, Azure.Core errors).
        deploymentResources: true,
        deployResourceFields: { assignedResourceIds: "ids" },
        prebuiltEntities: false,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: false,
        extraProjectSettings: textPreviewSettingsShape,
    },
    "analyze-text@2025-05-15-preview": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: true,
        deployResourceFields: { assignedResourceIds: "ids" },
        prebuiltEntities: false,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: true,
        extraProjectSettings: textPreviewSettingsShape,
    },
    "analyze-conversations@2022-05-01": {
        loadSnapshot: false,
        exportTrainedModelLabel: false,
        modelHasSnapshot: false,
        deploymentResources: false,
        deployResourceFields: noDeployResources,
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: false,
        // CLU 2022-05-01 entities have only category, compositionSetting, list and prebuilts.
        unknownEntityFields: ["regex", "requiredComponents"],
        dataGeneration: false,
        extraProjectSettings: {},
    },
    "analyze-conversations@2023-04-01": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: false,
        deployResourceFields: noDeployResources,
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: false,
        extraProjectSettings: {},
    },
    "analyze-conversations@2024-11-15-preview": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: true,
        deployResourceFields: { assignedResourceIds: "ids" },
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: false,
        extraProjectSettings: {},
    },
    "analyze-conversations@2025-05-15-preview": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: true,
        // azure-ai-language-conversations-authoring 1.0.0b1 (this version's SDK) sends resource objects.
        deployResourceFields: { assignedResources: "resources" },
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: true,
        extraProjectSettings: {},
    },
    "analyze-conversations@2025-11-01": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: true,
        // The spec names assignedResourceIds; the SDKs (Python 1.0.0b4, .NET) send azureResourceIds.
        deployResourceFields: { assignedResourceIds: "ids", azureResourceIds: "ids" },
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: false,
        extraProjectSettings: {},
    },
    "analyze-conversations@2025-11-15-preview": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: true,
        // The spec names assignedResourceIds and assignedResources; SDK 1.0.0b4 sends azureResourceIds objects.
        deployResourceFields: {
            assignedResourceIds: "ids",
            assignedResources: "resources",
            azureResourceIds: "azureResources",
        },
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        dataGeneration: true,
        extraProjectSettings: {},
    },
};

export interface ResolvedVersion {
    readonly apiVersion: ApiVersion;
    readonly features: VersionFeatures;
}

/** `undefined` when the family does not serve this api-version (the request then gets a 404). */
export function resolveApiVersion(family: ApiFamily, requested: string | null): ResolvedVersion | undefined {
    if (requested === null || !isSupportedApiVersion(family, requested)) {
        return undefined;
    }
    const features = featuresTable[`${family}@${requested}`];
    return features === undefined ? undefined : { apiVersion: requested, features };
}
