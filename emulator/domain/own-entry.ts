/**
 * `record[key]` only when the record itself holds the key: a name from a request ("constructor",
 * "toString") must not find what Object.prototype holds.
 */
export function ownEntry<Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
