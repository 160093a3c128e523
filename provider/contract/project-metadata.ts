import { z } from "zod";
import { familyOfKind, projectKindSchema } from "./api-versions";
import { dateTimeSchema } from "./date-time";

const projectSettingsShape = {
    confidenceThreshold: z.number().min(0).max(1).optional(),
    // CLU only, newer files.
    normalizeCasing: z.boolean().optional(),
    augmentDiacritics: z.boolean().optional(),
};

const projectOptionsShape = {
    projectKind: projectKindSchema,
    projectName: z.string(),
    language: z.string(),
    multilingual: z.boolean().optional(),
    description: z.string().optional(),
    // Text kinds only: the blob container the document `location`s point into.
    storageInputContainerName: z.string().optional(),
};

/** Text documents are blob references, so a text project without a container is meaningless. */
function requireContainerForText(
    value: { projectKind: z.infer<typeof projectKindSchema>; storageInputContainerName?: string | undefined },
    ctx: z.RefinementCtx,
): void {
    if (familyOfKind(value.projectKind) === "analyze-text" && value.storageInputContainerName === undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["storageInputContainerName"],
            message: `required for ${value.projectKind} projects`,
        });
    }
}

/** Settings grow with api-versions, so responses keep whatever the service adds. */
export const projectSettingsSchema = z.looseObject(projectSettingsShape);
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

/**
 * Text 2024-11-15-preview on: settings for Language Studio's labelling and GPT-assisted
 * predictions (azure-ai-textanalytics-authoring 1.0.0b1's ProjectSettings).
 */
export const textPreviewSettingsShape = {
    amlProjectPath: z.string().optional(),
    isLabelingLocked: z.boolean().optional(),
    runGptPredictions: z.boolean().optional(),
    gptPredictiveLookahead: z.number().int().optional(),
};

/** The create/update body of an api-version whose settings know more than the stable ones. */
export function createProjectOptionsSchemaWith(extraSettings: z.ZodRawShape) {
    return z
        .strictObject({
            ...projectOptionsShape,
            settings: z.strictObject({ ...projectSettingsShape, ...extraSettings }).optional(),
        })
        .superRefine(requireContainerForText);
}

/**
 * What the provider sends in the merge-patch body when it creates or updates a project.
 * Strict so that a misspelt field fails here instead of being silently ignored by the service.
 */
export const createProjectOptionsSchema = createProjectOptionsSchemaWith({});
export type CreateProjectOptions = z.infer<typeof createProjectOptionsSchema>;

/**
 * The same fields as they appear in an export file's `metadata`: loose, because the file is
 * imported into the secondary exactly as the primary wrote it.
 */
export const exportedProjectMetadataSchema = z
    .looseObject({ ...projectOptionsShape, settings: projectSettingsSchema.optional() })
    .superRefine(requireContainerForText);
export type ExportedProjectMetadata = z.infer<typeof exportedProjectMetadataSchema>;

/**
 * `lastModifiedDateTime` is what drift detection reads. The last-trained/deployed times are
 * omitted (not null) until the first train/deploy, so they are optional.
 */
export const projectMetadataSchema = z
    .looseObject({
        ...projectOptionsShape,
        settings: projectSettingsSchema.optional(),
        createdDateTime: dateTimeSchema,
        lastModifiedDateTime: dateTimeSchema,
        lastTrainedDateTime: dateTimeSchema.optional(),
        lastDeployedDateTime: dateTimeSchema.optional(),
    })
    .superRefine(requireContainerForText);
export type ProjectMetadata = z.infer<typeof projectMetadataSchema>;
