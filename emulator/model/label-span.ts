import { z } from "zod";

/** An entity occurrence: a category over UTF-16 offsets of a text (JavaScript string indices). */
export const labelSpanSchema = z.object({
    category: z.string(),
    offset: z.number().int().min(0),
    length: z.number().int().min(0),
});
export type LabelSpan = z.infer<typeof labelSpanSchema>;

/** A predicted span with how sure the model is, 0..1. */
export interface ScoredSpan extends LabelSpan {
    readonly confidence: number;
}
