import { defaultRuntimeStringIndexType, type RuntimeStringIndexType } from "../../provider/contract";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export interface Span {
    readonly offset: number;
    readonly length: number;
}

/**
 * Measures spans of one text, given in UTF-16 code units (JavaScript indices), as the request
 * asked: code units, code points, or text elements (grapheme clusters, by the current Unicode
 * rules: the specs name Unicode 8.0.0, which differs only for emoji sequences newer than it).
 * The text is segmented once, however many spans are measured.
 */
export function spanMeasure(
    text: string,
    indexType: RuntimeStringIndexType = defaultRuntimeStringIndexType,
): (span: Span) => Span {
    if (indexType === "Utf16CodeUnit") {
        return ({ offset, length }) => ({ offset, length });
    }
    const starts = indexType === "UnicodeCodePoint" ? codePointStarts(text) : textElementStarts(text);
    return ({ offset, length }) => {
        const before = countBelow(starts, offset);
        return { offset: before, length: countBelow(starts, offset + length) - before };
    };
}

/** How many text elements a text has: the service's measure of document size. */
export function textElementCount(text: string): number {
    return textElementStarts(text).length;
}

function textElementStarts(text: string): number[] {
    return [...graphemes.segment(text)].map((segment) => segment.index);
}

function codePointStarts(text: string): number[] {
    const starts: number[] = [];
    for (let index = 0; index < text.length; index += text.codePointAt(index)! > 0xffff ? 2 : 1) {
        starts.push(index);
    }
    return starts;
}

/** How many of the ascending `starts` are below `limit`. */
function countBelow(starts: readonly number[], limit: number): number {
    let low = 0;
    let high = starts.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (starts[middle]! < limit) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}
