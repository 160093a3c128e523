import { z } from "zod";
import type { LabelSpan, ScoredSpan } from "./label-span";
import { roundScore } from "./scores";
import { tokenize, windowOf, windowsOf, type TokenWindow } from "./text-tokens";

/** [times labelled with the category, times it occurs in the training texts]. */
const evidenceSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
type Evidence = z.infer<typeof evidenceSchema>;

const evidenceByKeySchema = z.record(z.string(), evidenceSchema);

/**
 * Learned entities: for each category, the phrases (normalized words) and the shapes ("Xx Xx") its
 * labels had, each with how often it was labelled out of how often it occurs in the training texts.
 * A window of a new text is a candidate when its phrase or shape was labelled more often than not.
 */
export const entityModelSchema = z.object({
    categories: z.array(z.string()),
    /** The token counts labels spanned; only windows of these lengths are looked at. */
    windowLengths: z.array(z.number().int().min(1)),
    phrases: z.record(z.string(), evidenceByKeySchema),
    shapes: z.record(z.string(), evidenceByKeySchema),
});
export type EntityModel = z.infer<typeof entityModelSchema>;

export interface LabelledText {
    readonly text: string;
    readonly spans: readonly LabelSpan[];
}

export function trainEntityModel(
    declaredCategories: readonly string[],
    examples: readonly LabelledText[],
): EntityModel {
    const model: EntityModel = { categories: [], windowLengths: [], phrases: {}, shapes: {} };
    const categories = new Set(declaredCategories);
    const lengths = new Set<number>();
    for (const { text, spans } of examples) {
        const tokens = tokenize(text);
        for (const span of spans) {
            const inside = tokens.filter(
                (token) => token.start >= span.offset && token.end <= span.offset + span.length,
            );
            if (inside.length === 0) {
                continue;
            }
            const window = windowOf(inside);
            categories.add(span.category);
            lengths.add(inside.length);
            count(model.phrases, span.category, window.key, 0);
            count(model.shapes, span.category, window.shape, 0);
        }
    }
    model.categories = [...categories];
    model.windowLengths = [...lengths].sort((a, b) => a - b);
    // Second pass: how often each labelled phrase and shape occurs at all, labelled or not.
    for (const { text } of examples) {
        for (const window of windowsOf(tokenize(text), model.windowLengths)) {
            for (const category of model.categories) {
                countIfKnown(model.phrases, category, window.key);
                countIfKnown(model.shapes, category, window.shape);
            }
        }
    }
    return model;
}

function count(table: EntityModel["phrases"], category: string, key: string, slot: 0 | 1): void {
    const evidence = ((table[category] ??= {})[key] ??= [0, 0]);
    evidence[slot] += 1;
}

function countIfKnown(table: EntityModel["phrases"], category: string, key: string): void {
    if (table[category]?.[key] !== undefined) {
        count(table, category, key, 1);
    }
}

/** Confidence below this is not an entity: labelled less often than not. */
const minimumConfidence = 0.5;

/**
 * Candidate entities of a text. An exact phrase speaks for itself; a window whose phrase was never
 * labelled with the category falls back to its shape. Confidence is the smoothed labelled share.
 */
export function findLearnedEntities(model: EntityModel, text: string): ScoredSpan[] {
    const candidates: ScoredSpan[] = [];
    for (const window of windowsOf(tokenize(text), model.windowLengths)) {
        for (const category of model.categories) {
            const confidence = confidenceOf(model, category, window);
            if (confidence >= minimumConfidence) {
                candidates.push({ category, offset: window.start, length: window.end - window.start, confidence });
            }
        }
    }
    return candidates;
}

function confidenceOf(model: EntityModel, category: string, window: TokenWindow): number {
    const evidence: Evidence | undefined =
        model.phrases[category]?.[window.key] ?? model.shapes[category]?.[window.shape];
    return evidence === undefined ? 0 : roundScore((evidence[0] + 1) / (evidence[1] + 2));
}
