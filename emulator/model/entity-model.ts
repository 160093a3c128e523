import { z } from "zod";
import type { LabelSpan, ScoredSpan } from "./label-span";
import { roundScore } from "./scores";
import { tokenize, windowOf, windowsOf } from "./text-tokens";

/**
 * [phrase or shape, category, times labelled with the category, times it occurs in the training
 * texts]. Stored as a list, not keyed by text: texts may hold any word, "__proto__" included.
 */
const evidenceSchema = z.tuple([z.string(), z.string(), z.number().int().min(0), z.number().int().min(0)]);
type Evidence = z.infer<typeof evidenceSchema>;

/**
 * Learned entities: for each category, the phrases (normalized words) and the shapes ("Xx Xx") its
 * labels had, each with how often it was labelled out of how often it occurs in the training texts.
 * A window of a new text is a candidate when its phrase or shape was labelled more often than not.
 */
export const entityModelSchema = z.object({
    categories: z.array(z.string()),
    /** The token counts labels spanned; only windows of these lengths are looked at. */
    windowLengths: z.array(z.number().int().min(1)),
    phrases: z.array(evidenceSchema),
    shapes: z.array(evidenceSchema),
});
export type EntityModel = z.infer<typeof entityModelSchema>;

export interface LabelledText {
    readonly text: string;
    readonly spans: readonly LabelSpan[];
}

/** Text (phrase or shape) -> category -> [labelled, occurs]. */
type EvidenceIndex = Map<string, Map<string, [number, number]>>;

export function trainEntityModel(
    declaredCategories: readonly string[],
    examples: readonly LabelledText[],
): EntityModel {
    const categories = new Set(declaredCategories);
    const lengths = new Set<number>();
    const phrases: EvidenceIndex = new Map();
    const shapes: EvidenceIndex = new Map();
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
            evidenceFor(phrases, window.key, span.category)[0] += 1;
            evidenceFor(shapes, window.shape, span.category)[0] += 1;
        }
    }
    const windowLengths = [...lengths].sort((a, b) => a - b);
    // Second pass: how often each labelled phrase and shape occurs at all, labelled or not.
    for (const { text } of examples) {
        for (const window of windowsOf(tokenize(text), windowLengths)) {
            phrases.get(window.key)?.forEach((evidence) => (evidence[1] += 1));
            shapes.get(window.shape)?.forEach((evidence) => (evidence[1] += 1));
        }
    }
    return { categories: [...categories], windowLengths, phrases: listOf(phrases), shapes: listOf(shapes) };
}

function evidenceFor(index: EvidenceIndex, text: string, category: string): [number, number] {
    let byCategory = index.get(text);
    if (byCategory === undefined) {
        byCategory = new Map();
        index.set(text, byCategory);
    }
    let evidence = byCategory.get(category);
    if (evidence === undefined) {
        evidence = [0, 0];
        byCategory.set(category, evidence);
    }
    return evidence;
}

function listOf(index: EvidenceIndex): Evidence[] {
    return [...index].flatMap(([text, byCategory]) =>
        [...byCategory].map(([category, [labelled, occurs]]): Evidence => [text, category, labelled, occurs]),
    );
}

function indexOf(list: readonly Evidence[]): EvidenceIndex {
    const index: EvidenceIndex = new Map();
    for (const [text, category, labelled, occurs] of list) {
        evidenceFor(index, text, category).splice(0, 2, labelled, occurs);
    }
    return index;
}

// A deployed model answers many requests: index its lists once.
const indexes = new WeakMap<EntityModel, { phrases: EvidenceIndex; shapes: EvidenceIndex }>();

function indexesOf(model: EntityModel): { phrases: EvidenceIndex; shapes: EvidenceIndex } {
    let found = indexes.get(model);
    if (found === undefined) {
        found = { phrases: indexOf(model.phrases), shapes: indexOf(model.shapes) };
        indexes.set(model, found);
    }
    return found;
}

/** Confidence below this is not an entity: labelled less often than not. */
const minimumConfidence = 0.5;

/**
 * Candidate entities of a text. An exact phrase speaks for itself; a window whose phrase was never
 * labelled with the category falls back to its shape. Confidence is the smoothed labelled share.
 */
export function findLearnedEntities(model: EntityModel, text: string): ScoredSpan[] {
    const { phrases, shapes } = indexesOf(model);
    const candidates: ScoredSpan[] = [];
    for (const window of windowsOf(tokenize(text), model.windowLengths)) {
        const byPhrase = phrases.get(window.key);
        const byShape = shapes.get(window.shape);
        const categories = new Set([...(byPhrase?.keys() ?? []), ...(byShape?.keys() ?? [])]);
        for (const category of categories) {
            const confidence = confidenceOf(byPhrase?.get(category) ?? byShape?.get(category));
            if (confidence >= minimumConfidence) {
                candidates.push({ category, offset: window.start, length: window.end - window.start, confidence });
            }
        }
    }
    return candidates;
}

function confidenceOf(evidence: readonly [number, number] | undefined): number {
    return evidence === undefined ? 0 : roundScore((evidence[0] + 1) / (evidence[1] + 2));
}
