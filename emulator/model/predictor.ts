import { z } from "zod";
import { orchestrationTargetSchema } from "../../provider/contract";
import { entityComponentsSchema } from "./entity-components";
import { entityModelSchema } from "./entity-model";
import { naiveBayesSchema } from "./naive-bayes";

const formatVersion = z.literal(1);

/** Below this top-intent confidence a CLU or orchestration project answers the `None` intent. */
const intentShape = { intents: naiveBayesSchema, confidenceThreshold: z.number().min(0).max(1) };

/**
 * Everything a deployment needs to answer predictions, self-contained: a deployment keeps serving
 * the model it was deployed with even after its label is trained again. `formatVersion` changes
 * whenever the stored shape does.
 */
export const predictorSchema = z.discriminatedUnion("projectKind", [
    z.object({
        formatVersion,
        projectKind: z.literal("Conversation"),
        ...intentShape,
        entities: entityModelSchema,
        components: entityComponentsSchema,
    }),
    z.object({
        formatVersion,
        projectKind: z.literal("Orchestration"),
        ...intentShape,
        /** Where each intent routes; intents without a target are absent. */
        targets: z.array(z.object({ intent: z.string(), target: orchestrationTargetSchema })),
    }),
    z.object({ formatVersion, projectKind: z.literal("CustomSingleLabelClassification"), classes: naiveBayesSchema }),
    z.object({ formatVersion, projectKind: z.literal("CustomMultiLabelClassification"), classes: naiveBayesSchema }),
    z.object({ formatVersion, projectKind: z.literal("CustomEntityRecognition"), entities: entityModelSchema }),
]);
export type Predictor = z.infer<typeof predictorSchema>;
export type PredictorOf<Kind extends Predictor["projectKind"]> = Extract<Predictor, { projectKind: Kind }>;
