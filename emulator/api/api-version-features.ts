import { isSupportedApiVersion, type ApiFamily, type ApiVersion } from "../../provider/contract";

/** What differs between the family/api-version pairs the service accepts. */
export interface VersionFeatures {
    /** `models/{label}/:load-snapshot` and its job exist. */
    readonly loadSnapshot: boolean;
    /** `:export` honours `trainedModelLabel` (before, the unknown parameter is ignored). */
    readonly exportTrainedModelLabel: boolean;
    /** Trained models carry `hasSnapshot`. */
    readonly modelHasSnapshot: boolean;
    /** Deployments carry `assignedResources` and the deploy body may name `assignedResourceIds`. */
    readonly deploymentResources: boolean;
    /** `global/prebuilt-entities` exists. */
    readonly prebuiltEntities: boolean;
    /** `global/languages` filters by the `projectKind` query parameter. */
    readonly languagesByProjectKind: boolean;
    /** Service errors carry an `x-ms-error-code` header (declared by the TypeSpec-generated specs). */
    readonly errorCodeHeader: boolean;
    /** CLU entity fields this version's project file does not know: dropped on import and on export. */
    readonly unknownEntityFields: readonly string[];
    /** Extra headers on a 202 from `:train` besides `operation-location`. */
    readonly trainAcceptedExtraHeaders: readonly string[];
}

type FamilyVersion = `${ApiFamily}@${ApiVersion}`;

// Text train pages on Learn read the status URL from `location` (peers-and-conventions 3.8), while
// the spec declares only Operation-Location; answering both satisfies clients written either way.
const textTrainHeaders = ["location"];

const featuresTable: Readonly<Partial<Record<FamilyVersion, VersionFeatures>>> = {
    "analyze-text@2022-05-01": {
        loadSnapshot: false,
        exportTrainedModelLabel: false,
        modelHasSnapshot: false,
        deploymentResources: false,
        prebuiltEntities: false,
        // The 2022-05-01 text spec has no projectKind parameter on global/languages.
        languagesByProjectKind: false,
        errorCodeHeader: false,
        unknownEntityFields: [],
        trainAcceptedExtraHeaders: textTrainHeaders,
    },
    "analyze-text@2023-04-01": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: false,
        prebuiltEntities: false,
        languagesByProjectKind: true,
        // The text 2023-04-01 spec declares no x-ms-error-code header.
        errorCodeHeader: false,
        unknownEntityFields: [],
        trainAcceptedExtraHeaders: textTrainHeaders,
    },
    "analyze-conversations@2022-05-01": {
        loadSnapshot: false,
        exportTrainedModelLabel: false,
        modelHasSnapshot: false,
        deploymentResources: false,
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: false,
        // CLU 2022-05-01 entities have only category, compositionSetting, list and prebuilts.
        unknownEntityFields: ["regex", "requiredComponents"],
        trainAcceptedExtraHeaders: [],
    },
    "analyze-conversations@2023-04-01": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: false,
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        trainAcceptedExtraHeaders: [],
    },
    "analyze-conversations@2025-11-01": {
        loadSnapshot: true,
        exportTrainedModelLabel: true,
        modelHasSnapshot: true,
        deploymentResources: true,
        prebuiltEntities: true,
        languagesByProjectKind: true,
        errorCodeHeader: true,
        unknownEntityFields: [],
        trainAcceptedExtraHeaders: [],
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
