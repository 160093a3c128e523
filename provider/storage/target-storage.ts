import type { Readable } from "node:stream";
import type { HttpAuthorization } from "@azure/storage-blob";
import { openBlobAccount, type StorageAccessSettings } from "./blob-account";
import { type ListedBlob, listBlobs } from "./list-blobs";
import { storageErrorOf } from "./storage-error";

/** How a copy is written: what it carries, and which version of the source it must be. */
export interface CopyProperties {
    metadata: Record<string, string>;
    contentType?: string;
    /** Base64; stored as the blob's Content-MD5, as the source has it. */
    contentMD5?: string;
}

/** The secondary's storage: where the documents are copied to. */
export interface TargetStorage {
    readonly name: string;
    readonly secrets: readonly string[];
    list(container: string, locations: Iterable<string>, signal?: AbortSignal): Promise<Map<string, ListedBlob>>;
    /** Creates the container unless it exists; true when it was created. */
    ensureContainer(container: string, signal?: AbortSignal): Promise<boolean>;
    /**
     * A server-side copy (Copy Blob From URL, synchronous, blobs up to 256 MiB): the storage
     * service reads the source itself, so no byte passes through this process.
     */
    copyFromUrl(
        container: string,
        location: string,
        source: { url: string; authorization?: HttpAuthorization; etag: string },
        properties: CopyProperties,
        signal?: AbortSignal,
    ): Promise<void>;
    /** Writes a stream in blocks of bounded size: a document is never held whole in memory. */
    upload(
        container: string,
        location: string,
        stream: Readable,
        properties: CopyProperties,
        signal?: AbortSignal,
    ): Promise<void>;
    remove(container: string, location: string, signal?: AbortSignal): Promise<void>;
}

/** Blocks of an upload, and how many are in flight: at most 2 MiB of a document in memory. */
const uploadBlockBytes = 1024 * 1024;
const uploadConcurrency = 2;

export function openTargetStorage(access: StorageAccessSettings): TargetStorage {
    const account = openBlobAccount(access);
    const containerOf = (container: string) => account.service.getContainerClient(container);
    const failing = (what: string) => (error: unknown) => {
        throw storageErrorOf(error, `${what} in storage account ${account.name}`, account.secrets);
    };
    return {
        name: account.name,
        secrets: account.secrets,
        list: (container, locations, signal) => listBlobs(account, container, locations, signal),
        ensureContainer: async (container, signal) => {
            const client = containerOf(container);
            // Asked first: an identity allowed to write blobs may not be allowed to create containers.
            if (await client.exists({ abortSignal: signal }).catch(failing(`finding container "${container}"`))) {
                return false;
            }
            // Replicas sharing the container may create it at the same moment: one of them wins.
            const created = await client
                .createIfNotExists({ abortSignal: signal })
                .catch(failing(`creating container "${container}"`));
            return created.succeeded;
        },
        copyFromUrl: async (container, location, source, properties, signal) => {
            await containerOf(container)
                .getBlockBlobClient(location)
                .syncCopyFromURL(source.url, {
                    metadata: properties.metadata,
                    sourceConditions: { ifMatch: `"${source.etag}"` },
                    ...(source.authorization && { sourceAuthorization: source.authorization }),
                    abortSignal: signal,
                })
                .catch(failing(`copying "${location}" into container "${container}"`));
        },
        upload: async (container, location, stream, properties, signal) => {
            await containerOf(container)
                .getBlockBlobClient(location)
                .uploadStream(stream, uploadBlockBytes, uploadConcurrency, {
                    metadata: properties.metadata,
                    blobHTTPHeaders: {
                        ...(properties.contentType && { blobContentType: properties.contentType }),
                        ...(properties.contentMD5 && { blobContentMD5: Buffer.from(properties.contentMD5, "base64") }),
                    },
                    abortSignal: signal,
                })
                .catch(failing(`writing "${location}" into container "${container}"`));
        },
        remove: async (container, location, signal) => {
            await containerOf(container)
                .getBlobClient(location)
                .deleteIfExists({ abortSignal: signal })
                .catch(failing(`deleting "${location}" from container "${container}"`));
        },
    };
}
