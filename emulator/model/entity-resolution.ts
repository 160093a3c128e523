import type { RequiredComponent } from "../../provider/contract";
import type { ComponentSpan } from "./entity-components";
import type { ScoredSpan } from "./label-span";

/**
 * Turns candidates into the entities of a text: candidates of one category on one span merge
 * (highest confidence, union of components); an entity that requires components keeps only spans
 * all of them found; then overlaps go to the longest span, then the most confident, then the
 * earliest, then the category declared first. Composition settings beyond that are not modelled.
 */
export function resolveEntities(
    candidates: readonly ComponentSpan[],
    categoryOrder: readonly string[],
    requiredComponents: ReadonlyMap<string, readonly RequiredComponent[]> = new Map(),
): ScoredSpan[] {
    const merged = new Map<string, { span: ScoredSpan; components: Set<RequiredComponent> }>();
    for (const candidate of candidates) {
        const key = `${candidate.category}\n${candidate.offset}\n${candidate.length}`;
        const found = merged.get(key);
        if (found === undefined) {
            merged.set(key, { span: spanOf(candidate), components: new Set([candidate.component]) });
        } else {
            found.components.add(candidate.component);
            found.span = { ...found.span, confidence: Math.max(found.span.confidence, candidate.confidence) };
        }
    }
    const rank = (category: string) => {
        const index = categoryOrder.indexOf(category);
        return index < 0 ? categoryOrder.length : index;
    };
    const eligible = [...merged.values()]
        .filter(({ span, components }) =>
            (requiredComponents.get(span.category) ?? []).every((component) => components.has(component)),
        )
        .map(({ span }) => span)
        .sort(
            (a, b) =>
                b.length - a.length ||
                b.confidence - a.confidence ||
                a.offset - b.offset ||
                rank(a.category) - rank(b.category),
        );
    const chosen: ScoredSpan[] = [];
    for (const span of eligible) {
        if (!chosen.some((other) => overlaps(span, other))) {
            chosen.push(span);
        }
    }
    return chosen.sort((a, b) => a.offset - b.offset || rank(a.category) - rank(b.category));
}

function spanOf({ category, offset, length, confidence }: ComponentSpan): ScoredSpan {
    return { category, offset, length, confidence };
}

function overlaps(a: ScoredSpan, b: ScoredSpan): boolean {
    return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
