import { z } from "zod";
import { dateOnlySchema } from "./date-time";

/** Lets the provider check a project language before creating the replica. */
export const supportedLanguageSchema = z.looseObject({
    languageName: z.string(),
    languageCode: z.string(),
});
export type SupportedLanguage = z.infer<typeof supportedLanguageSchema>;

/**
 * Retraining on the secondary needs a config version the secondary offers, and every model
 * expires on its config version's `modelExpirationDate`.
 */
export const trainingConfigVersionSchema = z.looseObject({
    trainingConfigVersion: z.string(),
    modelExpirationDate: dateOnlySchema,
});
export type TrainingConfigVersion = z.infer<typeof trainingConfigVersionSchema>;
