import * as fs from "node:fs";
import { Readable } from "node:stream";
import type { BodySource } from "../client/http-send";
import type { ExportedFile } from "./exported-file";

/** What the import body needs of an export file: where it is and where its metadata lies. */
export type ExportedFileOnDisk = Pick<ExportedFile, "path" | "size" | "outline">;

/**
 * The import body of an export file under the replica's name: the file's bytes as the primary
 * wrote them, read from disk as they are sent, with only the metadata object rewritten
 * (`metadata.projectName`, which the service checks against the URL's name).
 */
export function renamedImportBody(file: ExportedFileOnDisk, projectName: string): BodySource {
    const { metadata, metadataSpan } = file.outline;
    const renamed = Buffer.from(JSON.stringify({ ...metadata, projectName }), "utf8");
    return {
        length: metadataSpan.start + renamed.length + (file.size - metadataSpan.end),
        open: () => Readable.from(bytesOf(file.path, metadataSpan, renamed, file.size)),
    };
}

async function* bytesOf(path: string, span: { start: number; end: number }, metadata: Buffer, size: number) {
    yield* range(path, 0, span.start);
    yield metadata;
    yield* range(path, span.end, size);
}

/** Bytes `from` (inclusive) to `to` (exclusive) of the file; nothing for an empty range. */
async function* range(path: string, from: number, to: number): AsyncGenerator<Buffer> {
    if (to <= from) return;
    for await (const chunk of fs.createReadStream(path, { start: from, end: to - 1 })) yield chunk as Buffer;
}
