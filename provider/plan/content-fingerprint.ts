import { createHash } from "node:crypto";
import type { ExportedProject } from "../contract";
import { canonicalJson } from "./canonical-json";
import { ItemDigests, type ItemSpan } from "./item-digests";

/**
 * How the items of each asset list are identified when telling what changed: by name for
 * intents, entities and classes, by text (and language) for utterances, by blob for documents.
 * Labels are content, not identity, so a relabelled utterance or document counts as changed.
 * A list missing here is still part of the fingerprint; it just is not itemized.
 */
const itemIdentities: Readonly<Record<string, (item: Record<string, unknown>) => string>> = {
    intents: (item) => String(item.category),
    entities: (item) => String(item.category),
    classes: (item) => String(item.category),
    utterances: (item) => `"${String(item.text)}"${item.language === undefined ? "" : ` (${String(item.language)})`}`,
    documents: (item) => String(item.location),
};

/** The itemized lists, in the order a change summary tells them. */
export const itemizedLists = Object.keys(itemIdentities);

/**
 * How a change summary names the items of each list: by identity, but an utterance with its
 * intent, which is what a reviewer wants to see of an added or relabelled one.
 */
const itemNames: typeof itemIdentities = {
    ...itemIdentities,
    utterances: (item) => `"${String(item.text)}" (${String(item.intent)})`,
};

/** The name a change summary gives an item of an itemized list. */
export function itemNameOf(list: string, item: Record<string, unknown>): string {
    return itemNames[list]!(item);
}

/** What a project file holds, per itemized asset list: its items' digests, in file order. */
export type ContentIndex = Record<string, ItemDigests>;

/** What the content of a project file is, for comparing revisions and telling a reviewer what changed. */
export interface Fingerprint {
    /** `sha256-items:` and the hash of the content, independent of key order, list order, file version and project name. */
    contentHash: string;
    /** Item counts per itemized asset list, e.g. `{ intents: 3, utterances: 40 }`, for outputs and previews. */
    items: Record<string, number>;
    index: ContentIndex;
    /**
     * Canonical JSON of each metadata field, the settings one by one (`settings.confidenceThreshold`),
     * so that a change summary can name the fields that changed.
     */
    metadataFields: Record<string, string>;
}

/** The form of every content hash this release computes (see FingerprintBuilder). */
const contentHashPrefix = "sha256-items:";

/**
 * Whether a content hash is of the form releases before 0.3 recorded (`sha256:` over the
 * canonical JSON of the whole project), which cannot be compared with this release's.
 */
export function isWholeFileHash(hash: string | undefined): boolean {
    return hash !== undefined && !hash.startsWith(contentHashPrefix);
}

/**
 * Builds the fingerprint of what training learns from, fed piece by piece so that a project of
 * 50,000 utterances is never one object graph or one string: metadata and assets, without
 * `projectFileVersion` and `stringIndexType` (which depend on the api-version of the export,
 * not on the content) and without the project name (the replica may be named differently).
 *
 * Each list item is reduced at once to digests of its canonical JSON (keys sorted, nested lists
 * sorted) and of its identity; only those are kept (see ItemDigests). The content hash is the
 * SHA-256 of the metadata, the other asset fields and each list's item digests in sorted order,
 * so neither key order nor list order matters.
 */
export class FingerprintBuilder {
    private metadata = "{}";
    private metadataFields: Record<string, string> = {};
    /** Canonical JSON of each field of `assets` that is no list. */
    private readonly fields = new Map<string, string>();
    private readonly lists = new Map<string, ItemDigests>();

    setMetadata(metadata: Record<string, unknown>): void {
        const { projectName: _name, ...rest } = metadata;
        this.metadata = canonicalJson(rest);
        this.metadataFields = fieldsOf(rest);
    }

    addAssetField(name: string, value: unknown): void {
        this.fields.set(name, canonicalJson(value));
    }

    startList(name: string): void {
        this.lists.set(name, new ItemDigests(itemIdentities[name] !== undefined));
    }

    addItem(list: string, item: Record<string, unknown>, span?: ItemSpan): void {
        const identify = itemIdentities[list];
        this.lists.get(list)!.push(canonicalJson(item), identify?.(item), span);
    }

    finish(): Fingerprint {
        const content = createHash("sha256").update(`metadata ${this.metadata}\n`);
        for (const name of [...this.fields.keys(), ...this.lists.keys()].sort()) {
            const items = this.lists.get(name);
            content.update(`${JSON.stringify(name)} `);
            content.update(items ? items.sortedContents() : this.fields.get(name)!);
            content.update("\n");
        }
        const index: ContentIndex = {};
        for (const [name, items] of this.lists) if (items.itemized) index[name] = items;
        const items = Object.fromEntries(
            Object.entries(index).map(([list, found]) => [list, found.uniqueByIdentity().length]),
        );
        const contentHash = `${contentHashPrefix}${content.digest("hex")}`;
        return { contentHash, items, index, metadataFields: this.metadataFields };
    }
}

/** The metadata's fields as canonical JSON, with the settings object split into its settings. */
function fieldsOf(metadata: Record<string, unknown>): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(metadata)) {
        if (name === "settings" && value !== null && typeof value === "object" && !Array.isArray(value)) {
            for (const [setting, chosen] of Object.entries(value))
                fields[`settings.${setting}`] = canonicalJson(chosen);
        } else if (value !== undefined) {
            fields[name] = canonicalJson(value);
        }
    }
    return fields;
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
        for (const item of value) builder.addItem(name, item as Record<string, unknown>);
    }
    return builder.finish();
}
