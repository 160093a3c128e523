import { z } from "zod";
import { labelSpanSchema } from "./label-span";
import { predictorSchema } from "./predictor";

/** What the model predicted for one test item: the intent or class(es), and the entity spans. */
export const testPredictionSchema = z.object({
    labels: z.array(z.string()),
    spans: z.array(labelSpanSchema),
});
export type TestPrediction = z.infer<typeof testPredictionSchema>;

/** A trained model: its predictor, and its predictions for the test items (in test-item order). */
export const trainedModelSchema = z.object({
    predictor: predictorSchema,
    testPredictions: z.array(testPredictionSchema),
});
export type TrainedModel = z.infer<typeof trainedModelSchema>;
