import { z } from "zod";
import { runtimeStringIndexTypeSchema } from "./api-versions";

// `POST {Endpoint}/language/:analyze-conversations` with kind `Conversation`: one utterance, one
// deployed CLU or orchestration project. Bodies we send are strict; answers are loose.

/** The specs allow extra fields on a conversation item (`additionalProperties: {}`). */
const conversationItemSchema = z.looseObject({
    id: z.string(),
    participantId: z.string(),
    text: z.string(),
    language: z.string().optional(),
    modality: z.string().optional(),
    role: z.string().optional(),
});

const targetProjectKindSchema = z.enum(["Luis", "Conversation", "QuestionAnswering", "NonLinked"]);

/** Options passed on to one target of an orchestration project, keyed by target name. */
const targetProjectParametersSchema = z.looseObject({
    targetProjectKind: targetProjectKindSchema,
    apiVersion: z.string().optional(),
});

export const conversationTaskParametersSchema = z.strictObject({
    projectName: z.string().min(1),
    deploymentName: z.string().min(1),
    verbose: z.boolean().optional(),
    isLoggingEnabled: z.boolean().optional(),
    stringIndexType: runtimeStringIndexTypeSchema.optional(),
    /** Orchestration only: skip the routing and ask this target. */
    directTarget: z.string().optional(),
    targetProjectParameters: z.record(z.string(), targetProjectParametersSchema).optional(),
});
export type ConversationTaskParameters = z.infer<typeof conversationTaskParametersSchema>;

export const conversationTaskSchema = z.strictObject({
    kind: z.literal("Conversation"),
    analysisInput: z.strictObject({ conversationItem: conversationItemSchema }),
    parameters: conversationTaskParametersSchema,
});
export type ConversationTask = z.infer<typeof conversationTaskSchema>;

const confidenceScoreSchema = z.number().min(0).max(1);

export const intentPredictionSchema = z.looseObject({
    category: z.string(),
    confidenceScore: confidenceScoreSchema,
});
export type IntentPrediction = z.infer<typeof intentPredictionSchema>;

/** Offsets and lengths count in the request's stringIndexType. */
export const entityPredictionSchema = z.looseObject({
    category: z.string(),
    text: z.string(),
    offset: z.number().int().min(0),
    length: z.number().int().min(0),
    confidenceScore: confidenceScoreSchema,
    resolutions: z.array(z.looseObject({ resolutionKind: z.string() })).optional(),
    extraInformation: z.array(z.looseObject({ extraInformationKind: z.string() })).optional(),
});
export type EntityPrediction = z.infer<typeof entityPredictionSchema>;

export const conversationPredictionSchema = z.looseObject({
    projectKind: z.literal("Conversation"),
    topIntent: z.string().optional(),
    intents: z.array(intentPredictionSchema),
    entities: z.array(entityPredictionSchema),
});
export type ConversationPrediction = z.infer<typeof conversationPredictionSchema>;

/** What a CLU project answers, alone or nested in an orchestration intent. */
export const conversationResultSchema = z.looseObject({
    query: z.string(),
    detectedLanguage: z.string().optional(),
    prediction: conversationPredictionSchema.optional(),
});
export type ConversationResult = z.infer<typeof conversationResultSchema>;

const targetIntentShape = { confidenceScore: confidenceScoreSchema, apiVersion: z.string().optional() };

/** One orchestration intent; only the top intent carries its target's `result`. */
export const targetIntentResultSchema = z.discriminatedUnion("targetProjectKind", [
    z.looseObject({
        targetProjectKind: z.literal("Conversation"),
        ...targetIntentShape,
        result: conversationResultSchema.optional(),
    }),
    z.looseObject({
        targetProjectKind: z.literal("NonLinked"),
        ...targetIntentShape,
        result: conversationResultSchema.optional(),
    }),
    z.looseObject({ targetProjectKind: z.literal("Luis"), ...targetIntentShape, result: z.unknown().optional() }),
    z.looseObject({
        targetProjectKind: z.literal("QuestionAnswering"),
        ...targetIntentShape,
        result: z.looseObject({ answers: z.array(z.looseObject({})).optional() }).optional(),
    }),
]);
export type TargetIntentResult = z.infer<typeof targetIntentResultSchema>;

export const orchestrationPredictionSchema = z.looseObject({
    projectKind: z.literal("Orchestration"),
    topIntent: z.string().optional(),
    intents: z.record(z.string(), targetIntentResultSchema),
});
export type OrchestrationPrediction = z.infer<typeof orchestrationPredictionSchema>;

export const conversationTaskResultSchema = z.looseObject({
    kind: z.literal("ConversationResult"),
    result: z.looseObject({
        query: z.string(),
        detectedLanguage: z.string().optional(),
        prediction: z.discriminatedUnion("projectKind", [conversationPredictionSchema, orchestrationPredictionSchema]),
    }),
});
export type ConversationTaskResult = z.infer<typeof conversationTaskResultSchema>;
