import { z } from "zod";

/** A prebuilt entity component a CLU entity may list under `prebuilts` (global/prebuilt-entities). */
export const prebuiltEntitySchema = z.looseObject({
    category: z.string(),
    description: z.string(),
    examples: z.string(),
});
export type PrebuiltEntity = z.infer<typeof prebuiltEntitySchema>;
