import { z } from "zod";
import { datasetSchema } from "./dataset";

// Text documents are references: `location` is a blob name inside the project's
// storageInputContainerName. The text itself is not in the export, so the secondary
// resource must be able to read the same blobs.
// Labels are optional on documents: the specs mark them so, and an export file must never be
// rejected because one document is not (yet) labelled.
const documentShape = {
    location: z.string(),
    language: z.string(),
    dataset: datasetSchema.optional(),
};

/** Class and entity-type declarations, and a document's class labels, share one shape. */
export const textCategorySchema = z.looseObject({ category: z.string() });
export type TextCategory = z.infer<typeof textCategorySchema>;

export const singleLabelDocumentSchema = z.looseObject({
    ...documentShape,
    class: textCategorySchema.optional(),
});
export type SingleLabelDocument = z.infer<typeof singleLabelDocumentSchema>;

export const multiLabelDocumentSchema = z.looseObject({
    ...documentShape,
    classes: z.array(textCategorySchema).optional(),
});
export type MultiLabelDocument = z.infer<typeof multiLabelDocumentSchema>;

/** Label offsets are absolute in the document (UTF-16 code units); regions only group them. */
export const entityRegionSchema = z.looseObject({
    regionOffset: z.number().int().min(0),
    regionLength: z.number().int().min(0),
    labels: z.array(
        z.looseObject({ category: z.string(), offset: z.number().int().min(0), length: z.number().int().min(0) }),
    ),
});
export type EntityRegion = z.infer<typeof entityRegionSchema>;

export const entityRecognitionDocumentSchema = z.looseObject({
    ...documentShape,
    entities: z.array(entityRegionSchema).optional(),
});
export type EntityRecognitionDocument = z.infer<typeof entityRecognitionDocumentSchema>;

export const singleLabelClassificationAssetsSchema = z.looseObject({
    projectKind: z.literal("CustomSingleLabelClassification"),
    classes: z.array(textCategorySchema).optional(),
    documents: z.array(singleLabelDocumentSchema).optional(),
});
export type SingleLabelClassificationAssets = z.infer<typeof singleLabelClassificationAssetsSchema>;

export const multiLabelClassificationAssetsSchema = z.looseObject({
    projectKind: z.literal("CustomMultiLabelClassification"),
    classes: z.array(textCategorySchema).optional(),
    documents: z.array(multiLabelDocumentSchema).optional(),
});
export type MultiLabelClassificationAssets = z.infer<typeof multiLabelClassificationAssetsSchema>;

export const entityRecognitionAssetsSchema = z.looseObject({
    projectKind: z.literal("CustomEntityRecognition"),
    entities: z.array(textCategorySchema).optional(),
    documents: z.array(entityRecognitionDocumentSchema).optional(),
});
export type EntityRecognitionAssets = z.infer<typeof entityRecognitionAssetsSchema>;
