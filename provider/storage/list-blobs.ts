import type { BlobAccount } from "./blob-account";
import { storageErrorOf } from "./storage-error";

/**
 * The metadata a copied blob carries: the content id (see `document-fingerprint.ts`) of the
 * source it was copied from. A target blob still carrying its source's id needs no copy.
 */
export const replicatedContentKey = "replicatedcontent";

/** A blob as a listing shows it: enough to tell its content apart without reading it. */
export interface ListedBlob {
    name: string;
    etag: string;
    /** Base64, when the service has one (blobs uploaded in blocks may have none). */
    contentMD5?: string;
    contentLength: number;
    /** The content id of the source a copy came from (`replicatedContentKey`). */
    replicatedContent?: string;
}

/**
 * Lists the given blobs of a container, with their properties and metadata, in as few requests
 * as the listing pages allow: blobs under the locations' common prefix, then kept if referenced.
 * A blob not found is absent from the map. Reads nothing of any blob's content.
 */
export async function listBlobs(
    account: BlobAccount,
    container: string,
    locations: Iterable<string>,
    signal?: AbortSignal,
): Promise<Map<string, ListedBlob>> {
    const wanted = new Set(locations);
    const found = new Map<string, ListedBlob>();
    if (wanted.size === 0) return found;
    const listing = account.service
        .getContainerClient(container)
        .listBlobsFlat({ prefix: commonPrefix([...wanted]), includeMetadata: true, abortSignal: signal });
    try {
        for await (const item of listing) {
            if (!wanted.has(item.name)) continue;
            const md5 = item.properties.contentMD5;
            const replicated = item.metadata?.[replicatedContentKey];
            found.set(item.name, {
                name: item.name,
                etag: (item.properties.etag ?? "").replace(/"/g, ""),
                ...(md5 && md5.length > 0 && { contentMD5: Buffer.from(md5).toString("base64") }),
                contentLength: item.properties.contentLength ?? 0,
                ...(replicated !== undefined && { replicatedContent: replicated }),
            });
        }
    } catch (error) {
        throw storageErrorOf(
            error,
            `listing container "${container}" of storage account ${account.name}`,
            account.secrets,
        );
    }
    return found;
}

/** The longest prefix all names share: the listing then skips whatever else the container holds. */
export function commonPrefix(names: readonly string[]): string {
    let prefix = names[0] ?? "";
    for (const name of names) {
        while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
    }
    return prefix;
}
