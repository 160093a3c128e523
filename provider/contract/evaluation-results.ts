import { z } from "zod";

// Per-item results of `models/{label}/evaluation/result` (paged). Offsets count UTF-16 code units,
// the only stringIndexType the emulator and the replicator use.

const labelSpanSchema = z.looseObject({
    category: z.string(),
    offset: z.number().int().min(0),
    length: z.number().int().min(0),
});

/** CLU and orchestration: one test utterance with its expected and predicted intent and entities. */
export const utteranceEvaluationResultSchema = z.looseObject({
    text: z.string(),
    language: z.string(),
    entitiesResult: z.looseObject({
        expectedEntities: z.array(labelSpanSchema),
        predictedEntities: z.array(labelSpanSchema),
    }),
    intentsResult: z.looseObject({ expectedIntent: z.string(), predictedIntent: z.string() }),
});
export type UtteranceEvaluationResult = z.infer<typeof utteranceEvaluationResultSchema>;

const documentShape = { location: z.string(), language: z.string() };

/** Text: one test document, discriminated by projectKind like the summary. */
export const documentEvaluationResultSchema = z.discriminatedUnion("projectKind", [
    z.looseObject({
        projectKind: z.literal("CustomSingleLabelClassification"),
        ...documentShape,
        customSingleLabelClassificationResult: z.looseObject({ expectedClass: z.string(), predictedClass: z.string() }),
    }),
    z.looseObject({
        projectKind: z.literal("CustomMultiLabelClassification"),
        ...documentShape,
        customMultiLabelClassificationResult: z.looseObject({
            expectedClasses: z.array(z.string()),
            predictedClasses: z.array(z.string()),
        }),
    }),
    z.looseObject({
        projectKind: z.literal("CustomEntityRecognition"),
        ...documentShape,
        customEntityRecognitionResult: z.looseObject({
            entities: z.array(
                z.looseObject({
                    regionOffset: z.number().int().min(0),
                    regionLength: z.number().int().min(0),
                    expectedEntities: z.array(labelSpanSchema),
                    predictedEntities: z.array(labelSpanSchema),
                }),
            ),
        }),
    }),
]);
export type DocumentEvaluationResult = z.infer<typeof documentEvaluationResultSchema>;
