import type { HttpAuthorization } from "@azure/storage-blob";
import { openBlobAccount, type StorageAccessSettings } from "./blob-account";
import { type ListedBlob, listBlobs } from "./list-blobs";
import { storageErrorOf } from "./storage-error";

/**
 * The primary's storage as the provider may use it: listed, read and made readable to the
 * secondary's storage service, never written. It has no method that writes, so no code path can.
 */
export interface SourceStorage {
    readonly name: string;
    readonly secrets: readonly string[];
    list(container: string, locations: Iterable<string>, signal?: AbortSignal): Promise<Map<string, ListedBlob>>;
    /** The blob's content, exactly the version listed (If-Match its ETag), as a stream. */
    download(
        container: string,
        blob: ListedBlob,
        signal?: AbortSignal,
    ): Promise<{ stream: NodeJS.ReadableStream; contentType?: string }>;
    /** How another storage service may read the blob (see BlobAccount.readableSource). */
    readableSource(
        container: string,
        location: string,
        signal?: AbortSignal,
    ): Promise<{ url: string; authorization?: HttpAuthorization }>;
}

export function openSourceStorage(access: StorageAccessSettings): SourceStorage {
    const account = openBlobAccount(access);
    const blobOf = (container: string, location: string) =>
        account.service.getContainerClient(container).getBlobClient(location);
    return {
        name: account.name,
        secrets: account.secrets,
        list: (container, locations, signal) => listBlobs(account, container, locations, signal),
        download: async (container, blob, signal) => {
            try {
                const response = await blobOf(container, blob.name).download(0, undefined, {
                    conditions: { ifMatch: `"${blob.etag}"` },
                    abortSignal: signal,
                });
                return {
                    stream: response.readableStreamBody!,
                    ...(response.contentType && { contentType: response.contentType }),
                };
            } catch (error) {
                throw storageErrorOf(
                    error,
                    `reading "${blob.name}" from container "${container}" of storage account ${account.name}`,
                    account.secrets,
                );
            }
        },
        readableSource: (container, location, signal) => account.readableSource(blobOf(container, location), signal),
    };
}
