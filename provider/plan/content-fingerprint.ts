import { createHash } from "node:crypto";
import type { ExportedProject } from "../contract";

/**
 * How the items of each asset list are identified when telling what changed: by name for
 * intents, entities and classes, by text and intent for utterances, by blob for documents.
 * A list missing here is still part of the fingerprint; it just is not itemized.
 */
const itemIdentities: Readonly<Record<string, (item: Record<string, unknown>) => string>> = {
    intents: (item) => String(item.category),
    entities: (item) => String(item.category),
    classes: (item) => String(item.category),
    utterances: (item) => `"${String(item.text)}" (${String(item.intent)})`,
    documents: (item) => String(item.location),
};

/** What a project file holds, as `identity -> digest of the item` maps per itemized asset list. */
export type ContentIndex = Record<string, Map<string, string>>;

/** What the content of a project file is, for comparing revisions and telling a reviewer what changed. */
export interface Fingerprint {
    /** `sha256:` and the hash of the content, independent of order, file version and project name. */
    contentHash: string;
    /** Item counts per itemized asset list, e.g. `{ intents: 3, utterances: 40 }`, for outputs and previews. */
    items: Record<string, number>;
    index: ContentIndex;
}

/**
 * Builds the fingerprint of what training learns from, fed piece by piece so that a project of
 * 50,000 utterances is never one object graph or one string: metadata and assets, canonicalized
 * so that key order and list order do not matter, without `projectFileVersion` and
 * `stringIndexType` (which depend on the api-version of the export, not on the content) and
 * without the project name (the replica may be named differently).
 *
 * The hash is exactly that of canonicalJson({ metadata, assets }), the form earlier releases
 * recorded in state: a new algorithm would make every replica look changed and retrain it. So
 * the canonical text of each item is kept until the end, where the items are sorted as that
 * form sorts them; the index keeps only a short digest per item.
 */
export class FingerprintBuilder {
    private metadata: Record<string, unknown> = {};
    /** Canonical JSON of each field of `assets` that is no list. */
    private readonly fields = new Map<string, string>();
    /** Canonical JSON of each item, per asset list. */
    private readonly lists = new Map<string, string[]>();
    private readonly index: ContentIndex = {};

    setMetadata(metadata: Record<string, unknown>): void {
        const { projectName: _name, ...rest } = metadata;
        this.metadata = rest;
    }

    addAssetField(name: string, value: unknown): void {
        this.fields.set(name, canonicalJson(value));
    }

    startList(name: string): void {
        this.lists.set(name, []);
        if (itemIdentities[name]) this.index[name] = new Map();
    }

    addItem(list: string, item: unknown): void {
        const canonical = canonicalJson(item);
        this.lists.get(list)!.push(canonical);
        const identify = itemIdentities[list];
        if (identify) this.index[list]!.set(identify(item as Record<string, unknown>), digestOf(canonical));
    }

    finish(): Fingerprint {
        const hash = createHash("sha256").update('{"assets":{');
        const names = [...this.fields.keys(), ...this.lists.keys()].sort(byCodeUnits);
        names.forEach((name, position) => {
            hash.update(`${position === 0 ? "" : ","}${JSON.stringify(name)}:`);
            const items = this.lists.get(name);
            if (!items) return void hash.update(this.fields.get(name)!);
            items.sort();
            hash.update("[");
            items.forEach((item, at) => hash.update(at === 0 ? item : `,${item}`));
            hash.update("]");
        });
        hash.update(`},"metadata":${canonicalJson(this.metadata)}}`);
        this.lists.clear();
        const items = Object.fromEntries(Object.entries(this.index).map(([list, found]) => [list, found.size]));
        return { contentHash: `sha256:${hash.digest("hex")}`, items, index: this.index };
    }
}

/** The fingerprint of a project file held as an object (a small one: tests, fixtures). */
export function fingerprintOf(file: ExportedProject): Fingerprint {
    const builder = new FingerprintBuilder();
    builder.setMetadata(file.metadata);
    for (const [name, value] of Object.entries(file.assets ?? {})) {
        if (!Array.isArray(value)) {
            builder.addAssetField(name, value);
            continue;
        }
        builder.startList(name);
        for (const item of value) builder.addItem(name, item);
    }
    return builder.finish();
}

/** Short enough to keep 50,000 of in memory, long enough that two different items never share one. */
function digestOf(canonical: string): string {
    return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}

/** How many names a change summary spells out per list before it says "and N more". */
const namesShown = 3;

/**
 * One line telling a reviewer what changed between two versions of a project, e.g.
 * `intents +1 (Cancel); utterances +2 -1 ("stop" (Cancel), ...)`. Items whose identity stayed but
 * whose content changed (a relabelled document) count as `~`.
 */
export function describeChanges(before: ContentIndex, after: ContentIndex): string {
    const parts: string[] = [];
    for (const list of Object.keys(itemIdentities)) {
        const old = before[list] ?? new Map<string, string>();
        const now = after[list] ?? new Map<string, string>();
        const added = [...now.keys()].filter((key) => !old.has(key));
        const removed = [...old.keys()].filter((key) => !now.has(key));
        const changed = [...now.keys()].filter((key) => old.has(key) && old.get(key) !== now.get(key));
        if (added.length + removed.length + changed.length === 0) continue;
        const counts = [signed("+", added), signed("-", removed), signed("~", changed)].filter(Boolean).join(" ");
        parts.push(`${list} ${counts} (${nameSome([...added, ...removed, ...changed])})`);
    }
    return parts.length > 0 ? parts.join("; ") : "no item changed (settings or labels only)";
}

function signed(sign: string, keys: string[]): string {
    return keys.length > 0 ? `${sign}${keys.length}` : "";
}

function nameSome(keys: string[]): string {
    const shown = keys.slice(0, namesShown).join(", ");
    return keys.length > namesShown ? `${shown}, and ${keys.length - namesShown} more` : shown;
}

/** Orders strings as `<` does (UTF-16 code units), which is what canonicalJson sorts keys by. */
function byCodeUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted and array items sorted by their own canonical text. */
export function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).sort().join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>)
            .filter(([, item]) => item !== undefined)
            .sort(([a], [b]) => byCodeUnits(a, b));
        return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
    }
    return JSON.stringify(value);
}
