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

/** What a project file holds, as sorted `key -> canonical JSON` maps per asset list. */
export type ContentIndex = Record<string, Map<string, string>>;

/**
 * The fingerprint of what training learns from: metadata and assets, canonicalized so that
 * key order and list order do not matter, and without `projectFileVersion` and
 * `stringIndexType`, which depend on the api-version of the export, not on the content.
 * The project name is left out too: the replica may be named differently.
 */
export function contentHashOf(file: ExportedProject): string {
    const { projectName: _name, ...metadata } = file.metadata;
    const hash = createHash("sha256").update(canonicalJson({ metadata, assets: file.assets ?? {} }));
    return `sha256:${hash.digest("hex")}`;
}

/** Item counts per asset list, e.g. `{ intents: 3, utterances: 40 }`, for outputs and previews. */
export function countItems(file: ExportedProject): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [list, items] of Object.entries(indexContent(file))) counts[list] = items.size;
    return counts;
}

/** Indexes the itemized lists of a project file for `describeChanges`. */
export function indexContent(file: ExportedProject): ContentIndex {
    const index: ContentIndex = {};
    const assets = (file.assets ?? {}) as Record<string, unknown>;
    for (const [list, identify] of Object.entries(itemIdentities)) {
        const items = assets[list];
        if (!Array.isArray(items)) continue;
        index[list] = new Map(items.map((item: Record<string, unknown>) => [identify(item), canonicalJson(item)]));
    }
    return index;
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

/** JSON with object keys sorted and array items sorted by their own canonical text. */
export function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).sort().join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>)
            .filter(([, item]) => item !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
    }
    return JSON.stringify(value);
}
