import { createHash } from "node:crypto";
import { pipeline, type Readable, Transform } from "node:stream";
import type { ListedBlob } from "../storage/list-blobs";
import { replicatedContentKey } from "../storage/list-blobs";
import type { SourceStorage } from "../storage/source-storage";
import { StorageError } from "../storage/storage-error";
import type { TargetStorage } from "../storage/target-storage";

/** How a document reached the secondary's storage. */
export type CopyWay = "server-side" | "streamed";

/** Copy Blob From URL copies blobs up to 256 MiB; larger ones are streamed. */
const maxServerSideBytes = 256 * 1024 * 1024;

/** One document to copy, and where from and to. */
export interface DocumentToCopy {
    source: SourceStorage;
    sourceContainer: string;
    target: TargetStorage;
    targetContainer: string;
    blob: ListedBlob;
    /** Its content id, recorded on the copy (metadata `replicatedcontent`). */
    contentId: string;
}

/** Whether a document can be copied server-side at all: the copy API has a size limit. */
export function fitsServerSide(blob: ListedBlob): boolean {
    return blob.contentLength <= maxServerSideBytes;
}

/**
 * A server-side copy the target service refused because it cannot read the source (it cannot
 * reach the account, a firewall, Azurite between two instances: `CannotVerifyCopySource`) or does
 * not offer the API (501): streaming through this process still works then.
 */
export function refusesServerSide(error: unknown): error is StorageError {
    return error instanceof StorageError && (error.code === "CannotVerifyCopySource" || error.status === 501);
}

/**
 * Copies one document server-side: the secondary's storage service reads the exact version
 * listed (If-Match its ETag) through a read-only SAS, or the Entra ID identity's bearer token.
 * Properties and Content-MD5 come along; the copy carries its source's content id.
 */
export async function copyServerSide(copy: DocumentToCopy, signal?: AbortSignal): Promise<void> {
    const { source, target, blob } = copy;
    const readable = await source.readableSource(copy.sourceContainer, blob.name, signal);
    await target.copyFromUrl(
        copy.targetContainer,
        blob.name,
        { ...readable, etag: blob.etag },
        { metadata: { [replicatedContentKey]: copy.contentId } },
        signal,
    );
}

/**
 * Copies one document through this process: read as a stream (the version listed) and written in
 * blocks of bounded size, its MD5 computed on the way and compared with the source's, so a copy
 * that differs from its source is removed again rather than trained from.
 */
export async function copyStreamed(copy: DocumentToCopy, signal?: AbortSignal): Promise<void> {
    const { source, target, blob } = copy;
    const { stream, contentType } = await source.download(copy.sourceContainer, blob, signal);
    const md5 = createHash("md5");
    const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
            md5.update(chunk);
            done(null, chunk);
        },
    });
    // pipeline passes a failed read on to the upload, which then fails too.
    const body: Readable = pipeline(stream, hashing, () => undefined);
    await target.upload(
        copy.targetContainer,
        blob.name,
        body,
        {
            metadata: { [replicatedContentKey]: copy.contentId },
            ...(contentType && { contentType }),
            ...(blob.contentMD5 && { contentMD5: blob.contentMD5 }),
        },
        signal,
    );
    const written = md5.digest("base64");
    if (blob.contentMD5 && written !== blob.contentMD5) {
        await target.remove(copy.targetContainer, blob.name, signal);
        throw new Error(
            `copying "${blob.name}": the bytes read have MD5 ${written}, the source says ${blob.contentMD5}; the copy was removed`,
        );
    }
}
