import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ListedBlob } from "../../provider/storage/list-blobs";
import type { SourceStorage } from "../../provider/storage/source-storage";
import type { StorageError } from "../../provider/storage/storage-error";
import type { CopyProperties, TargetStorage } from "../../provider/storage/target-storage";

/** A blob held in memory, with what a listing shows of it. */
export interface MemoryBlob {
    text: string;
    contentType?: string;
    /** Base64; blobs uploaded in blocks may have none. */
    contentMD5?: string;
    /** The size a listing reports, when a test needs one its text does not have (the server-side limit). */
    contentLength?: number;
    metadata?: Record<string, string>;
}

export const md5Of = (text: string) => createHash("md5").update(text).digest("base64");

/** One storage account's containers in memory, listed as the real listing does (properties, no content). */
class MemoryAccount {
    readonly containers = new Map<string, Map<string, MemoryBlob>>();

    constructor(readonly name: string) {}

    containerOf(container: string): Map<string, MemoryBlob> {
        if (!this.containers.has(container)) this.containers.set(container, new Map());
        return this.containers.get(container)!;
    }

    async list(container: string, locations: Iterable<string>): Promise<Map<string, ListedBlob>> {
        const listed = new Map<string, ListedBlob>();
        for (const location of locations) {
            const blob = this.containers.get(container)?.get(location);
            if (!blob) continue;
            listed.set(location, {
                name: location,
                etag: `etag-${md5Of(blob.text)}`,
                contentLength: blob.contentLength ?? Buffer.byteLength(blob.text),
                ...(blob.contentMD5 && { contentMD5: blob.contentMD5 }),
                ...(blob.metadata?.replicatedcontent && { replicatedContent: blob.metadata.replicatedcontent }),
            });
        }
        return listed;
    }
}

/** The primary's storage: listed and read, never written. */
export function memorySource(name: string, container: string, blobs: Record<string, MemoryBlob>) {
    const account = new MemoryAccount(name);
    for (const [location, blob] of Object.entries(blobs)) account.containerOf(container).set(location, blob);
    const source: SourceStorage = {
        name,
        secrets: [],
        list: (container, locations) => account.list(container, locations),
        download: async (container, blob) => {
            const held = account.containerOf(container).get(blob.name)!;
            return {
                stream: Readable.from([Buffer.from(held.text)]),
                ...(held.contentType && { contentType: held.contentType }),
            };
        },
        readableSource: async (container, location) => ({ url: `memory://${name}/${container}/${location}` }),
    };
    return { source, account };
}

/** How the target was written to, in order. */
export type TargetWrite = `${"copyFromUrl" | "upload" | "remove"} ${string}`;

/**
 * The secondary's storage. It copies server-side from a memory source unless `refuse` gives the
 * error it refuses a document's server-side copy with (as a service that cannot reach the source).
 */
export function memoryTarget(
    name: string,
    from: { source: ReturnType<typeof memorySource>; refuse?: (location: string) => StorageError | undefined },
) {
    const account = new MemoryAccount(name);
    const writes: TargetWrite[] = [];
    const properties = new Map<string, CopyProperties & { etag?: string }>();
    const target: TargetStorage = {
        name,
        secrets: [],
        list: (container, locations) => account.list(container, locations),
        ensureContainer: async (container) => {
            const created = !account.containers.has(container);
            account.containerOf(container);
            return created;
        },
        copyFromUrl: async (container, location, source, given, signal) => {
            writes.push(`copyFromUrl ${location}`);
            const refusal = from.refuse?.(location);
            if (refusal) throw refusal;
            // A copy takes the service a moment, and stops when its request is aborted; a refusal is immediate.
            await new Promise((resolve) => setImmediate(resolve));
            signal?.throwIfAborted();
            const [, sourceContainer, ...path] = new URL(source.url).pathname.split("/");
            const original = from.source.account.containerOf(sourceContainer!).get(path.join("/"))!;
            account.containerOf(container).set(location, { ...original, metadata: given.metadata });
            properties.set(location, { ...given, etag: source.etag });
        },
        upload: async (container, location, stream, given) => {
            writes.push(`upload ${location}`);
            const chunks: Buffer[] = [];
            for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
            const text = Buffer.concat(chunks).toString();
            account.containerOf(container).set(location, { text, ...given });
            properties.set(location, given);
        },
        remove: async (container, location) => {
            writes.push(`remove ${location}`);
            account.containerOf(container).delete(location);
        },
    };
    return { target, account, writes, properties };
}
