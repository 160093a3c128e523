/**
 * The inputs a program may give: the keys of `replicationArgsSchema` (a unit test keeps them
 * equal), listed here so that the resource knows them without loading the schema.
 */
export const inputNames = [
    "primary",
    "secondary",
    "projectName",
    "secondaryProjectName",
    "projectKind",
    "deploymentName",
    "modelLabel",
    "training",
    "apiVersion",
    "timeoutMinutes",
    "polling",
    "rateLimits",
    "onDelete",
    "promotion",
    "keepModels",
    "servingModel",
    "expiryWarningDays",
    "retrainToken",
    "documents",
] as const;

/**
 * Outputs of the resource that are not inputs. The resource lists them with undefined values so
 * they exist on it (Pulumi drops undefined properties before `check`); a value a program gives
 * one of them reaches `check`, which refuses it instead of letting it pass unseen.
 */
export const outputOnlyNames = [
    "secondaryEndpoint",
    "secondaryProject",
    "trainedModel",
    "deployment",
    "syncedRevision",
    "lastSyncedAt",
    "stagingDeployment",
    "previousModel",
    "keptModels",
    "gate",
    "rejectedCandidates",
    "secondaryDocuments",
    "secondaryStorage",
] as const;

/** Outputs that are inputs too: the resource lists them so they exist on it even when not given. */
export const inputOutputNames = ["projectKind", "secondaryProjectName", "deploymentName", "modelLabel"] as const;

/** What the provider keeps in state or adds in `check`; never a user's to set. */
export const providerKeptNames = [
    "primaryRevision",
    "importedContentHash",
    "importedLastModifiedDateTime",
    "trainedFrom",
    "pendingJob",
    "renewal",
    "servingPin",
] as const;
