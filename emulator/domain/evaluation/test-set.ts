import type { Dataset } from "../../../provider/contract";
import type { EvaluationSplit } from "../../state/state-schema";

/** FNV-1a: a stable hash, so the same project always yields the same split and the same metrics. */
function stableHash(text: string): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index++) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
}

/**
 * The items evaluated after training. Manual: those marked `Test`. Percentage: a stable,
 * hash-ordered share of all items (at least one when there is a test share at all).
 */
export function selectTestItems<Item extends { readonly dataset?: Dataset | undefined }>(
    items: readonly Item[],
    keyOf: (item: Item) => string,
    split: EvaluationSplit,
): Item[] {
    if (split.kind === "manual") {
        return items.filter((item) => item.dataset === "Test");
    }
    const wanted =
        split.testingSplitPercentage === 0
            ? 0
            : Math.max(1, Math.round((items.length * split.testingSplitPercentage) / 100));
    const chosen = new Set([...items].sort((a, b) => stableHash(keyOf(a)) - stableHash(keyOf(b))).slice(0, wanted));
    return items.filter((item) => chosen.has(item));
}
