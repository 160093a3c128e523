/** Field names with their quotes and colon, made once: the same few names recur in every item. */
const quotedKeys = new Map<string, string>();

/** The sorted keys of the last object of each first key: items of a list share their shape. */
const shapes = new Map<string | undefined, { keys: string[]; sorted: string[] }>();

/** Bounds both caches: a project with endless distinct field names only loses their speed-up. */
const cacheLimit = 1_000;

function quotedKey(key: string): string {
    let quoted = quotedKeys.get(key);
    if (quoted === undefined) {
        quoted = `${JSON.stringify(key)}:`;
        if (quotedKeys.size < cacheLimit) quotedKeys.set(key, quoted);
    }
    return quoted;
}

/** An object's keys in sorted order, without sorting again when it has the shape of the one before. */
function sortedKeysOf(value: object): string[] {
    const keys = Object.keys(value);
    const shape = shapes.get(keys[0]);
    if (shape && sameKeys(shape.keys, keys)) return shape.sorted;
    const sorted = keys.length > 1 ? [...keys].sort() : keys;
    if (shapes.size >= cacheLimit) shapes.clear();
    shapes.set(keys[0], { keys, sorted });
    return sorted;
}

function sameKeys(known: readonly string[], keys: readonly string[]): boolean {
    if (known.length !== keys.length) return false;
    for (let at = 1; at < keys.length; at++) if (known[at] !== keys[at]) return false;
    return true;
}

/**
 * JSON with object keys sorted and array items sorted by their own canonical text (both as `<`
 * orders strings, by UTF-16 code units), so equal content gives equal text whatever the order.
 * Written for speed: it runs once for every item of a 50,000-item project.
 */
export function canonicalJson(value: unknown): string {
    switch (typeof value) {
        case "string":
            return JSON.stringify(value);
        case "number":
            return Number.isFinite(value) ? String(value) : "null";
        case "boolean":
            return value ? "true" : "false";
        case "object":
            if (value === null) return "null";
            return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value);
        default:
            return JSON.stringify(value);
    }
}

function canonicalArray(value: readonly unknown[]): string {
    const items = new Array<string>(value.length);
    for (let at = 0; at < value.length; at++) items[at] = canonicalJson(value[at]);
    return `[${items.sort().join(",")}]`;
}

function canonicalObject(value: object): string {
    let text = "";
    for (const key of sortedKeysOf(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined) text += `${text === "" ? "" : ","}${quotedKey(key)}${canonicalJson(item)}`;
    }
    return `{${text}}`;
}
