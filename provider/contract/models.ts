import { z } from "zod";
import { dateOnlySchema, dateTimeSchema } from "./date-time";

/**
 * A trained model: its existence under `label` is what proves a training job really produced
 * something. `hasSnapshot` is optional because 2022-05-01 has no snapshots.
 */
export const projectTrainedModelSchema = z.looseObject({
    label: z.string(),
    modelId: z.string(),
    lastTrainedDateTime: dateTimeSchema,
    lastTrainingDurationInSeconds: z.number().int().min(0),
    modelExpirationDate: dateOnlySchema,
    modelTrainingConfigVersion: z.string(),
    hasSnapshot: z.boolean().optional(),
});
export type ProjectTrainedModel = z.infer<typeof projectTrainedModelSchema>;
