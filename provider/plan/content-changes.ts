import { type ContentIndex, itemizedLists } from "./content-fingerprint";
import type { ItemDigests } from "./item-digests";

/** Which side of a comparison an item is on: the replica's content, or the primary's. */
export type Side = "before" | "after";

/** What changed in one itemized list, as positions of items in their file (file order). */
export interface ListChange {
    list: string;
    /** Positions in the `after` file. */
    added: number[];
    /** Positions in the `before` file. */
    removed: number[];
    /** Positions in the `after` file: same identity, other content (a relabelled document). */
    changed: number[];
}

/** An item a change summary names. */
export interface ShownItem {
    list: string;
    side: Side;
    position: number;
}

/** How many names a change summary spells out per list before it says "and N more". */
const namesShown = 3;

/**
 * Compares two fingerprints' items by identity: added, removed, and changed (same identity,
 * other content). Pure and linear after one sort per side: no item is held as an object.
 */
export function diffContent(before: ContentIndex, after: ContentIndex): ListChange[] {
    const changes: ListChange[] = [];
    for (const list of itemizedLists) {
        const old = before[list];
        const now = after[list];
        const change: ListChange = { list, added: [], removed: [], changed: [] };
        const [oldOrder, nowOrder] = [old?.uniqueByIdentity() ?? [], now?.uniqueByIdentity() ?? []];
        let [i, j] = [0, 0];
        while (i < oldOrder.length || j < nowOrder.length) {
            const order =
                i === oldOrder.length
                    ? 1
                    : j === nowOrder.length
                      ? -1
                      : compare(old!, oldOrder[i]!, now!, nowOrder[j]!);
            if (order < 0) change.removed.push(oldOrder[i++]!);
            else if (order > 0) change.added.push(nowOrder[j++]!);
            else {
                if (!now!.sameContent(nowOrder[j]!, old!, oldOrder[i]!)) change.changed.push(nowOrder[j]!);
                (i++, j++);
            }
        }
        if (change.added.length + change.removed.length + change.changed.length === 0) continue;
        for (const positions of [change.added, change.removed, change.changed]) positions.sort((a, b) => a - b);
        changes.push(change);
    }
    return changes;
}

function compare(old: ItemDigests, oldPosition: number, now: ItemDigests, nowPosition: number): number {
    return old.compareIdentity(oldPosition, now, nowPosition);
}

/** The items a summary of these changes names: the first few of each list, added, then removed, then changed. */
export function shownItems(changes: readonly ListChange[]): ShownItem[] {
    return changes.flatMap(({ list, added, removed, changed }) =>
        [
            ...added.map((position) => ({ list, side: "after" as const, position })),
            ...removed.map((position) => ({ list, side: "before" as const, position })),
            ...changed.map((position) => ({ list, side: "after" as const, position })),
        ].slice(0, namesShown),
    );
}

/**
 * The metadata fields (see Fingerprint.metadataFields) that were added, removed or changed, in
 * name order, e.g. `["description", "settings.confidenceThreshold"]`.
 */
export function changedFields(before: Record<string, string>, after: Record<string, string>): string[] {
    const names = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...names].filter((name) => before[name] !== after[name]).sort();
}

/**
 * One line telling a reviewer what changed between two versions of a project, e.g.
 * `settings ~1 (confidenceThreshold); intents +1 (Cancel); utterances +2 -1 ("stop" (Cancel), ...)`.
 * Items whose identity stayed but whose content changed (a relabelled utterance or document)
 * count as `~`. `nameOf` gives the names of the `shownItems`, which the caller reads from
 * wherever the items are; `fields` are the metadata fields that changed (see `changedFields`).
 */
export function describeChanges(
    changes: readonly ListChange[],
    nameOf: (item: ShownItem) => string,
    fields: readonly string[] = [],
): string {
    const shown = shownItems(changes);
    const settings = fields.filter((field) => field.startsWith("settings.")).map((field) => field.slice(9));
    const metadata = fields.filter((field) => !field.startsWith("settings."));
    const fieldParts = [
        settings.length > 0 && `settings ~${settings.length} (${namedSome(settings)})`,
        metadata.length > 0 && `metadata ~${metadata.length} (${namedSome(metadata)})`,
    ].filter((part): part is string => part !== false);
    const itemParts = changes.map((change) => {
        const counts = [signed("+", change.added), signed("-", change.removed), signed("~", change.changed)];
        const total = change.added.length + change.removed.length + change.changed.length;
        const names = shown.filter((item) => item.list === change.list).map(nameOf);
        const more = total > names.length ? `, and ${total - names.length} more` : "";
        return `${change.list} ${counts.filter(Boolean).join(" ")} (${names.join(", ")}${more})`;
    });
    const parts = [...fieldParts, ...itemParts];
    return parts.length > 0 ? parts.join("; ") : "no item or setting changed (other asset fields only)";
}

function namedSome(names: readonly string[]): string {
    const more = names.length > namesShown ? `, and ${names.length - namesShown} more` : "";
    return `${names.slice(0, namesShown).join(", ")}${more}`;
}

function signed(sign: string, positions: readonly number[]): string {
    return positions.length > 0 ? `${sign}${positions.length}` : "";
}
