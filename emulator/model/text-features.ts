import { tokenize } from "./text-tokens";

/**
 * What the classifiers count: each word, and the character trigrams of each word padded with `<`
 * and `>` (so "booking" also shares features with "booked"; and scripts written without spaces,
 * where a "word" is a whole phrase, still share pieces). Punctuation carries no feature.
 */
export function featuresOf(text: string): string[] {
    const features: string[] = [];
    for (const token of tokenize(text)) {
        if (!/[\p{L}\p{N}]/u.test(token.key)) {
            continue;
        }
        features.push(`w:${token.key}`);
        const chars = [...`<${token.key}>`];
        for (let first = 0; first + 3 <= chars.length; first++) {
            features.push(`c:${chars.slice(first, first + 3).join("")}`);
        }
    }
    return features;
}
