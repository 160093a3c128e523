import { z } from "zod";
import { datasetSchema } from "./dataset";

// Targets name other projects/deployments of the SAME resource, so the replicator must
// replicate (and deploy) them before the orchestration project that routes to them.

const conversationTargetSchema = z.looseObject({
    targetProjectKind: z.literal("Conversation"),
    conversationOrchestration: z.looseObject({ projectName: z.string(), deploymentName: z.string() }),
});

const luisTargetSchema = z.looseObject({
    targetProjectKind: z.literal("Luis"),
    luisOrchestration: z.looseObject({
        appId: z.string(),
        appVersion: z.string().optional(),
        slotName: z.string().optional(),
    }),
});

const questionAnsweringTargetSchema = z.looseObject({
    targetProjectKind: z.literal("QuestionAnswering"),
    questionAnsweringOrchestration: z.looseObject({ projectName: z.string() }),
});

/** Where an orchestration intent routes; the replication order depends on it. */
export const orchestrationTargetSchema = z.discriminatedUnion("targetProjectKind", [
    conversationTargetSchema,
    luisTargetSchema,
    questionAnsweringTargetSchema,
]);
export type OrchestrationTarget = z.infer<typeof orchestrationTargetSchema>;

export const orchestrationIntentSchema = z.looseObject({
    category: z.string(),
    orchestration: orchestrationTargetSchema.optional(),
});
export type OrchestrationIntent = z.infer<typeof orchestrationIntentSchema>;

/** Orchestration utterances are labelled with an intent only, never with entities. */
export const orchestrationUtteranceSchema = z.looseObject({
    text: z.string(),
    intent: z.string(),
    language: z.string().optional(),
    dataset: datasetSchema.optional(),
});
export type OrchestrationUtterance = z.infer<typeof orchestrationUtteranceSchema>;

export const orchestrationAssetsSchema = z.looseObject({
    projectKind: z.literal("Orchestration"),
    intents: z.array(orchestrationIntentSchema).optional(),
    utterances: z.array(orchestrationUtteranceSchema).optional(),
});
export type OrchestrationAssets = z.infer<typeof orchestrationAssetsSchema>;
