import { z } from "zod";

/**
 * The prediction (runtime) APIs ship api-versions apart from authoring. Served: the stable versions
 * whose specs were read for this contract (Azure/azure-rest-api-specs, data-plane/Language and
 * LanguageAnalyzeConversations `stable/<version>/analyzeconversations.json` / `analyzetext.json`).
 * Conversations 2022-05-01 has the same shapes as 2023-04-01 (its examples show so) and is what the
 * first JS conversations SDK calls; 2024-11-01 is the newest stable conversations runtime.
 * Text 2025-11-01 is the newest stable text runtime; it only adds an optional `detectedLanguage`
 * to document results.
 */
export const conversationsRuntimeApiVersionSchema = z.enum(["2022-05-01", "2023-04-01", "2024-11-01"]);
export type ConversationsRuntimeApiVersion = z.infer<typeof conversationsRuntimeApiVersionSchema>;

export const textRuntimeApiVersionSchema = z.enum(["2023-04-01", "2025-11-01"]);
export type TextRuntimeApiVersion = z.infer<typeof textRuntimeApiVersionSchema>;

export const runtimeApiVersionSchema = z.union([conversationsRuntimeApiVersionSchema, textRuntimeApiVersionSchema]);
export type RuntimeApiVersion = z.infer<typeof runtimeApiVersionSchema>;

/**
 * How response offsets and lengths are counted. The specs' enum has three values and defaults to
 * text elements (grapheme clusters); the specs' own request examples spell the default
 * `TextElement_V8`, so that spelling is accepted too and means the same.
 */
export const runtimeStringIndexTypeSchema = z.enum([
    "TextElements_v8",
    "TextElement_V8",
    "UnicodeCodePoint",
    "Utf16CodeUnit",
]);
export type RuntimeStringIndexType = z.infer<typeof runtimeStringIndexTypeSchema>;

/** `TextElements_v8` per the specs. */
export const defaultRuntimeStringIndexType: RuntimeStringIndexType = "TextElements_v8";
