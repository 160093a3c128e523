/** A word (a run of letters, marks and digits) or one other visible character, with its UTF-16 span. */
export interface Token {
    readonly start: number;
    readonly end: number;
    /** The word as the model compares it (see normalizeWord). */
    readonly key: string;
    /** What the word looks like (see shapeOf). */
    readonly shape: string;
}

const tokenPattern = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
    return [...text.matchAll(tokenPattern)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        key: normalizeWord(match[0]),
        shape: shapeOf(match[0]),
    }));
}

/** Case and compatibility forms carry no meaning here: "Lisbon", "LISBON" and "Ｌｉｓｂｏｎ" are one word. */
export function normalizeWord(word: string): string {
    return word.normalize("NFKC").toLowerCase();
}

/**
 * "March" -> "Xx", "TP1234" -> "Xd", "2024" -> "d", "-" -> "-": upper, lower and digit runs collapsed,
 * so a span never seen verbatim ("1 July 2023") can still resemble one that was ("3 March 2024").
 */
export function shapeOf(word: string): string {
    let shape = "";
    for (const char of word) {
        const kind = characterKind(char);
        if (!shape.endsWith(kind)) {
            shape += kind;
        }
    }
    return shape;
}

function characterKind(char: string): string {
    if (/\p{Lu}/u.test(char)) return "X";
    if (/\p{L}/u.test(char)) return "x";
    if (/\p{N}/u.test(char)) return "d";
    // Combining marks belong to the letter before them.
    if (/\p{M}/u.test(char)) return "";
    return char;
}

/** A run of `length` consecutive tokens, keyed by their words and by their shapes. */
export interface TokenWindow {
    readonly start: number;
    readonly end: number;
    readonly key: string;
    readonly shape: string;
}

/** Every window of each of the given lengths, in text order. */
export function windowsOf(tokens: readonly Token[], lengths: readonly number[]): TokenWindow[] {
    const windows: TokenWindow[] = [];
    for (const length of lengths) {
        for (let first = 0; first + length <= tokens.length; first++) {
            windows.push(windowOf(tokens.slice(first, first + length)));
        }
    }
    return windows;
}

/** The window of exactly these tokens (at least one). */
export function windowOf(tokens: readonly Token[]): TokenWindow {
    return {
        start: tokens[0]!.start,
        end: tokens[tokens.length - 1]!.end,
        key: tokens.map((token) => token.key).join(" "),
        shape: tokens.map((token) => token.shape).join(" "),
    };
}
