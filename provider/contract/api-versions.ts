import { z } from "zod";

/**
 * The two authoring services live under different URL roots (`/authoring/<family>/projects`)
 * and ship api-versions independently, so every request is keyed on its family first.
 */
export const apiFamilySchema = z.enum(["analyze-text", "analyze-conversations"]);
export type ApiFamily = z.infer<typeof apiFamilySchema>;

/**
 * The stable api-versions, and the previews the official SDKs default to (azure-ai-textanalytics-authoring
 * 1.0.0b1: 2025-05-15-preview; azure-ai-language-conversations-authoring 1.0.0b4: 2025-11-15-preview).
 * Previews change shapes between versions; the emulator's per-version feature table says how.
 */
export const apiVersionSchema = z.enum([
    "2022-05-01",
    "2023-04-01",
    "2024-11-15-preview",
    "2025-05-15-preview",
    "2025-11-01",
    "2025-11-15-preview",
]);
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
    // Text has no 2025-11-01 stable and no 2025-11-15-preview; its newest version is 2025-05-15-preview.
    "analyze-text": ["2022-05-01", "2023-04-01", "2024-11-15-preview", "2025-05-15-preview"],
    // Every version. 2022-05-01: no regex/requiredComponents on entities, no load-snapshot, no
    // hasSnapshot on models. 2024-11-15-preview on: deployment resources (assignedResources).
    "analyze-conversations": apiVersionSchema.options,
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
