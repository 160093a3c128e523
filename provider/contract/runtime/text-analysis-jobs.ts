import { z } from "zod";
import { dateTimeSchema } from "../date-time";
import { errorDetailSchema } from "../errors";
import { jobStatusSchema } from "../jobs";
import { runtimeStringIndexTypeSchema } from "./api-versions";

// `POST {Endpoint}/language/analyze-text/jobs` with the custom text tasks, then
// `GET .../analyze-text/jobs/{jobId}`. Bodies we send are strict; answers are loose.

/** `language` is optional; the service reads a missing one as "en". */
export const textDocumentInputSchema = z.strictObject({
    id: z.string().min(1),
    text: z.string(),
    language: z.string().optional(),
});
export type TextDocumentInput = z.infer<typeof textDocumentInputSchema>;

const projectParameters = {
    projectName: z.string().min(1),
    deploymentName: z.string().min(1),
    loggingOptOut: z.boolean().optional(),
};

/** The custom tasks; their names are also the `kind` of their results plus `LROResults`. */
export const customTextTaskSchema = z.discriminatedUnion("kind", [
    z.strictObject({
        kind: z.literal("CustomSingleLabelClassification"),
        taskName: z.string().optional(),
        parameters: z.strictObject(projectParameters),
    }),
    z.strictObject({
        kind: z.literal("CustomMultiLabelClassification"),
        taskName: z.string().optional(),
        parameters: z.strictObject(projectParameters),
    }),
    z.strictObject({
        kind: z.literal("CustomEntityRecognition"),
        taskName: z.string().optional(),
        // Only entity results have offsets, so only this task takes a stringIndexType.
        parameters: z.strictObject({ ...projectParameters, stringIndexType: runtimeStringIndexTypeSchema.optional() }),
    }),
]);
export type CustomTextTask = z.infer<typeof customTextTaskSchema>;
export type CustomTextTaskKind = CustomTextTask["kind"];

export const textAnalysisJobInputSchema = z.strictObject({
    displayName: z.string().optional(),
    analysisInput: z.strictObject({ documents: z.array(textDocumentInputSchema) }),
    tasks: z.array(customTextTaskSchema),
});
export type TextAnalysisJobInput = z.infer<typeof textAnalysisJobInputSchema>;

/** With `showStats=true`: characters are text elements; a transaction is 1,000 of them. */
export const documentStatisticsSchema = z.looseObject({
    charactersCount: z.number().int().min(0),
    transactionsCount: z.number().int().min(0),
});
export type DocumentStatistics = z.infer<typeof documentStatisticsSchema>;

export const requestStatisticsSchema = z.looseObject({
    documentsCount: z.number().int().min(0),
    validDocumentsCount: z.number().int().min(0),
    erroneousDocumentsCount: z.number().int().min(0),
    transactionsCount: z.number().int().min(0),
});
export type RequestStatistics = z.infer<typeof requestStatisticsSchema>;

/** A document the service would not analyze (empty text, unsupported language, ...). */
export const documentErrorSchema = z.looseObject({ id: z.string(), error: errorDetailSchema });
export type DocumentError = z.infer<typeof documentErrorSchema>;

const documentResultShape = {
    id: z.string(),
    warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })),
    statistics: documentStatisticsSchema.optional(),
    detectedLanguage: z.looseObject({}).optional(),
};

const scoreSchema = z.number().min(0).max(1);

/** `class` is an array for both classification kinds: one entry for single-label. */
export const classificationDocumentResultSchema = z.looseObject({
    ...documentResultShape,
    class: z.array(z.looseObject({ category: z.string(), confidenceScore: scoreSchema })),
});
export type ClassificationDocumentResult = z.infer<typeof classificationDocumentResultSchema>;

export const entitiesDocumentResultSchema = z.looseObject({
    ...documentResultShape,
    entities: z.array(
        z.looseObject({
            text: z.string(),
            category: z.string(),
            subcategory: z.string().optional(),
            offset: z.number().int().min(0),
            length: z.number().int().min(0),
            confidenceScore: scoreSchema,
        }),
    ),
});
export type EntitiesDocumentResult = z.infer<typeof entitiesDocumentResultSchema>;

function customResultsSchema<Document extends z.ZodType>(document: Document) {
    return z.looseObject({
        errors: z.array(documentErrorSchema),
        statistics: requestStatisticsSchema.optional(),
        projectName: z.string(),
        deploymentName: z.string(),
        documents: z.array(document),
    });
}

const taskResultShape = {
    taskName: z.string().optional(),
    lastUpdateDateTime: dateTimeSchema,
    status: jobStatusSchema,
};

export const customTextTaskResultSchema = z.discriminatedUnion("kind", [
    z.looseObject({
        kind: z.literal("CustomSingleLabelClassificationLROResults"),
        ...taskResultShape,
        results: customResultsSchema(classificationDocumentResultSchema),
    }),
    z.looseObject({
        kind: z.literal("CustomMultiLabelClassificationLROResults"),
        ...taskResultShape,
        results: customResultsSchema(classificationDocumentResultSchema),
    }),
    z.looseObject({
        kind: z.literal("CustomEntityRecognitionLROResults"),
        ...taskResultShape,
        results: customResultsSchema(entitiesDocumentResultSchema),
    }),
]);
export type CustomTextTaskResult = z.infer<typeof customTextTaskResultSchema>;

/** The status URL's answer; `items` holds the tasks that finished, `nextLink` the next page. */
export const textAnalysisJobStateSchema = z.looseObject({
    displayName: z.string().optional(),
    jobId: z.string(),
    createdDateTime: dateTimeSchema,
    lastUpdatedDateTime: dateTimeSchema,
    expirationDateTime: dateTimeSchema.optional(),
    status: jobStatusSchema,
    errors: z.array(errorDetailSchema).optional(),
    nextLink: z.string().optional(),
    tasks: z.looseObject({
        completed: z.number().int().min(0),
        failed: z.number().int().min(0),
        inProgress: z.number().int().min(0),
        total: z.number().int().min(0),
        items: z.array(customTextTaskResultSchema).optional(),
    }),
    statistics: requestStatisticsSchema.optional(),
});
export type TextAnalysisJobState = z.infer<typeof textAnalysisJobStateSchema>;
