import { z } from "zod";

/**
 * The two authoring services live under different URL roots (`/authoring/<family>/projects`)
 * and ship api-versions independently, so every request is keyed on its family first.
 */
export const apiFamilySchema = z.enum(["analyze-text", "analyze-conversations"]);
export type ApiFamily = z.infer<typeof apiFamilySchema>;

/** Stable api-versions only: previews change shapes without notice and are not replicated. */
export const apiVersionSchema = z.enum(["2022-05-01", "2023-04-01", "2025-11-01"]);
export type ApiVersion = z.infer<typeof apiVersionSchema>;

/** GA in both families with the same job pattern, so one default serves every project kind. */
export const defaultApiVersion: ApiVersion = "2023-04-01";

/** The kind decides the family, the asset shape and the training/evaluation bodies. */
export const projectKindSchema = z.enum([
    "Conversation",
    "Orchestration",
    "CustomSingleLabelClassification",
    "CustomMultiLabelClassification",
    "CustomEntityRecognition",
]);
export type ProjectKind = z.infer<typeof projectKindSchema>;

/** Which api-versions each family accepts; anything else gets a 404 from the service. */
export const supportedApiVersions: Readonly<Record<ApiFamily, readonly ApiVersion[]>> = {
    // Text has no 2025-11-01 stable; its next version after 2023-04-01 is a preview.
    "analyze-text": ["2022-05-01", "2023-04-01"],
    // 2022-05-01: no regex/requiredComponents on entities, no load-snapshot, no hasSnapshot on models.
    // 2025-11-01: adds deployment-resource assignment (assignedResources on deployments).
    "analyze-conversations": ["2022-05-01", "2023-04-01", "2025-11-01"],
};

const familyByKind: Readonly<Record<ProjectKind, ApiFamily>> = {
    Conversation: "analyze-conversations",
    Orchestration: "analyze-conversations",
    CustomSingleLabelClassification: "analyze-text",
    CustomMultiLabelClassification: "analyze-text",
    CustomEntityRecognition: "analyze-text",
};

/** Callers start from a project kind (it is in every export file) and need the URL root. */
export function familyOfKind(kind: ProjectKind): ApiFamily {
    return familyByKind[kind];
}

/** Lets configuration reject an api-version up front instead of failing on the first request. */
export function isSupportedApiVersion(family: ApiFamily, apiVersion: string): apiVersion is ApiVersion {
    return supportedApiVersions[family].some((supported) => supported === apiVersion);
}
