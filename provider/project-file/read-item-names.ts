import * as fs from "node:fs";
import type { ContentIndex } from "../plan/content-fingerprint";
import { itemNameOf } from "../plan/content-fingerprint";
import type { ShownItem, Side } from "../plan/content-changes";

/** An export file and the index its reading made, for finding items again. */
export interface IndexedFile {
    path: string;
    index: ContentIndex;
}

/**
 * The names of the items a change summary shows, read back from the export files one item at a
 * time (the index kept only where each lies). An item that cannot be read (its file was
 * removed meanwhile) is named by its position, so the summary still counts it.
 */
export async function readItemNames(
    shown: readonly ShownItem[],
    files: Readonly<Record<Side, IndexedFile>>,
): Promise<(item: ShownItem) => string> {
    const names = new Map<string, string>();
    const keyOf = (item: ShownItem) => `${item.side} ${item.list} ${item.position}`;
    for (const item of shown) {
        const file = files[item.side];
        const { start, end } = file.index[item.list]!.span(item.position);
        const bytes = Buffer.alloc(end - start);
        const name = await fs.promises
            .open(file.path)
            .then(async (handle) => {
                try {
                    await handle.read(bytes, 0, bytes.length, start);
                    return itemNameOf(item.list, JSON.parse(bytes.toString("utf8")) as Record<string, unknown>);
                } finally {
                    await handle.close();
                }
            })
            .catch(() => `item ${item.position + 1}`);
        names.set(keyOf(item), name);
    }
    return (item) => names.get(keyOf(item)) ?? `item ${item.position + 1}`;
}
