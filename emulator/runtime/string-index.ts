import { defaultRuntimeStringIndexType, type RuntimeStringIndexType } from "../../provider/contract";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A span given in UTF-16 code units (JavaScript indices), counted as the request asked: code units,
 * code points, or text elements (grapheme clusters, by the current Unicode rules: the specs name
 * Unicode 8.0.0, which differs only for emoji sequences newer than it).
 */
export function measureSpan(
    text: string,
    span: { readonly offset: number; readonly length: number },
    indexType: RuntimeStringIndexType = defaultRuntimeStringIndexType,
): { offset: number; length: number } {
    const end = span.offset + span.length;
    switch (indexType) {
        case "Utf16CodeUnit":
            return { offset: span.offset, length: span.length };
        case "UnicodeCodePoint":
            return {
                offset: [...text.slice(0, span.offset)].length,
                length: [...text.slice(span.offset, end)].length,
            };
        case "TextElements_v8":
        case "TextElement_V8": {
            const starts = [...graphemes.segment(text)].map((segment) => segment.index);
            const before = starts.filter((start) => start < span.offset).length;
            return { offset: before, length: starts.filter((start) => start < end).length - before };
        }
    }
}

/** How many text elements a text has: the service's measure of document size. */
export function textElementCount(text: string): number {
    return [...graphemes.segment(text)].length;
}
