import { z } from "zod";
import { conversationAssetsSchema } from "./conversation";
import { orchestrationAssetsSchema } from "./orchestration";
import {
    entityRecognitionAssetsSchema,
    multiLabelClassificationAssetsSchema,
    singleLabelClassificationAssetsSchema,
} from "./text";

/** The `assets` of an export file; `projectKind` selects the shape, as the service does. */
export const projectAssetsSchema = z.discriminatedUnion("projectKind", [
    conversationAssetsSchema,
    orchestrationAssetsSchema,
    singleLabelClassificationAssetsSchema,
    multiLabelClassificationAssetsSchema,
    entityRecognitionAssetsSchema,
]);
export type ProjectAssets = z.infer<typeof projectAssetsSchema>;
