import { z } from "zod";
import { datasetSchema } from "./dataset";

/** How overlapping matches of an entity's components are merged at prediction time. */
export const compositionSettingSchema = z.enum([
    "returnLongestOverlap",
    "requireExactOverlap",
    "separateComponents",
    "combineComponents",
]);
export type CompositionSetting = z.infer<typeof compositionSettingSchema>;

/** Components that must all match for the entity to be returned (2023-04-01+). */
export const requiredComponentSchema = z.enum(["learned", "list", "prebuilts", "regex"]);
export type RequiredComponent = z.infer<typeof requiredComponentSchema>;

export const conversationIntentSchema = z.looseObject({ category: z.string() });
export type ConversationIntent = z.infer<typeof conversationIntentSchema>;

/** A closed vocabulary: each sublist maps synonyms, per language, to one normalised key. */
export const entityListSchema = z.looseObject({
    sublists: z.array(
        z.looseObject({
            listKey: z.string(),
            synonyms: z.array(z.looseObject({ language: z.string(), values: z.array(z.string()) })),
        }),
    ),
});
export type EntityList = z.infer<typeof entityListSchema>;

/** .NET regular expressions, one set per language (2023-04-01+). */
export const entityRegexSchema = z.looseObject({
    expressions: z.array(z.looseObject({ regexKey: z.string(), language: z.string(), regexPattern: z.string() })),
});
export type EntityRegex = z.infer<typeof entityRegexSchema>;

/** An entity is the union of its learned labels and these optional components. */
export const conversationEntitySchema = z.looseObject({
    category: z.string(),
    compositionSetting: compositionSettingSchema.optional(),
    // Wire key is `list`: the TypeSpec-generated 2023-04-01/2025-11-01 swaggers call it `entities`,
    // the service and the Learn data-format page use `list`.
    list: entityListSchema.optional(),
    prebuilts: z.array(z.looseObject({ category: z.string() })).optional(),
    regex: entityRegexSchema.optional(),
    requiredComponents: z.array(requiredComponentSchema).optional(),
});
export type ConversationEntity = z.infer<typeof conversationEntitySchema>;

/** Offsets and lengths count UTF-16 code units, i.e. JavaScript string indices. */
export const utteranceEntityLabelSchema = z.looseObject({
    category: z.string(),
    offset: z.number().int().min(0),
    length: z.number().int().min(0),
});
export type UtteranceEntityLabel = z.infer<typeof utteranceEntityLabelSchema>;

export const conversationUtteranceSchema = z.looseObject({
    text: z.string(),
    intent: z.string(),
    language: z.string().optional(),
    dataset: datasetSchema.optional(),
    entities: z.array(utteranceEntityLabelSchema).optional(),
});
export type ConversationUtterance = z.infer<typeof conversationUtteranceSchema>;

/** The labelled data of a CLU project; every list may be absent in a freshly created project. */
export const conversationAssetsSchema = z.looseObject({
    projectKind: z.literal("Conversation"),
    intents: z.array(conversationIntentSchema).optional(),
    entities: z.array(conversationEntitySchema).optional(),
    utterances: z.array(conversationUtteranceSchema).optional(),
});
export type ConversationAssets = z.infer<typeof conversationAssetsSchema>;
