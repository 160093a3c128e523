import * as fs from "node:fs";
import {
    ContractError,
    exportedProjectMetadataSchema,
    parseContract,
    type ProjectKind,
    stringIndexTypeSchema,
} from "../contract";
import { type PiecePath, ProjectFileSplitter } from "./project-file-splitter";

/** What a scan reports besides the pieces: what the import of the file needs to know. */
export interface ProjectFileOutline {
    projectKind: ProjectKind;
    /** The metadata exactly as the file holds it (checked against the contract). */
    metadata: Record<string, unknown>;
    /** Where the metadata object lies in the file, in bytes: an import under another name rewrites only that. */
    metadataSpan: { start: number; end: number };
}

/** What a caller wants to see of a file, piece by piece, in the order of the file. */
export interface ProjectFileVisitor {
    metadata?(metadata: Record<string, unknown>): void;
    /** A field of `assets` that is no list (`projectKind`, or one a newer file version added). */
    assetField?(name: string, value: unknown): void;
    list?(name: string): void;
    /** An item of a list, with where it lies in the file (to read it again by itself). */
    item?(list: string, item: Record<string, unknown>, span: { start: number; end: number }): void;
}

/**
 * Read size: few enough system calls (an 18 MB export is under 300 reads), and small, since
 * read buffers live outside the JavaScript heap until a collection frees them.
 */
const chunkBytes = 64 * 1024;

/**
 * Reads an export file from disk in chunks and hands each piece to the visitor, parsed: the
 * file is never in memory whole. Checked as the contract asks of an export, leniently where it
 * allows: the file version, the string index type, the metadata in full; that `assets` is of
 * the metadata's kind; that every list item is an object. Items pass through unchanged, as the
 * import sends them back to the service, which checks them itself.
 */
export async function scanProjectFile(path: string, visitor: ProjectFileVisitor): Promise<ProjectFileOutline> {
    const found: {
        metadata?: Record<string, unknown>;
        projectKind?: ProjectKind;
        span?: { start: number; end: number };
        assetsKind?: unknown;
    } = {};
    let fileVersion: unknown;
    let indexType: unknown;
    const splitter = new ProjectFileSplitter({
        list: (name) => visitor.list?.(name),
        piece: (piecePath, bytes, start, end) => {
            const value: unknown = JSON.parse(bytes.toString("utf8"));
            const [field, name, position] = piecePath as readonly [string, string?, number?];
            if (position !== undefined) return visitor.item?.(name!, itemAt(piecePath, value), { start, end });
            if (name !== undefined) {
                if (name === "projectKind") found.assetsKind = value;
                return visitor.assetField?.(name, value);
            }
            if (field === "projectFileVersion") fileVersion = value;
            else if (field === "stringIndexType") indexType = value;
            else if (field === "metadata") {
                const checked = parseContract(exportedProjectMetadataSchema, value, "project file metadata");
                found.projectKind = checked.projectKind;
                found.metadata = value as Record<string, unknown>;
                found.span = { start, end };
                visitor.metadata?.(found.metadata);
            } else if (field === "assets") {
                throw new ContractError(
                    `project file assets: expected object, received ${typeOf(value)}`,
                    "assets",
                    [],
                );
            }
        },
    });
    for await (const chunk of fs.createReadStream(path, { highWaterMark: chunkBytes })) {
        splitter.write(chunk as Buffer);
    }
    splitter.end();
    if (typeof fileVersion !== "string") throw missing("projectFileVersion", "a string");
    parseContract(stringIndexTypeSchema, indexType, "project file stringIndexType");
    const { metadata, projectKind, span } = found;
    if (!metadata || !projectKind || !span) throw missing("metadata", "an object");
    if (found.assetsKind !== undefined && found.assetsKind !== projectKind) {
        throw new ContractError(
            `project file assets.projectKind: must equal metadata.projectKind ("${projectKind}"), got "${String(found.assetsKind)}"`,
            "assets.projectKind",
            [],
        );
    }
    return { projectKind, metadata, metadataSpan: span };
}

function itemAt(path: PiecePath, value: unknown): Record<string, unknown> {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    const where = `assets.${path[1]}[${path[2]}]`;
    throw new ContractError(`project file ${where}: expected object, received ${typeOf(value)}`, where, []);
}

function missing(field: string, expected: string): ContractError {
    return new ContractError(`project file ${field}: expected ${expected}`, field, []);
}

function typeOf(value: unknown): string {
    return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
