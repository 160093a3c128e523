import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/**
 * Documents are told apart by a content id, from a listing (never by reading them): `md5:<base64>`
 * when the storage service has a Content-MD5 (the same in every account, so a copy has it too),
 * else `etag:<etag>` (which changes with every write). A document the labels reference that the
 * primary's container lacks is `missing`.
 */
export const missingDocument = "missing";

/** Location -> content id, for every document the labels reference. */
export type DocumentContents = Readonly<Record<string, string>>;

export function contentIdOf(blob: { contentMD5?: string; etag: string } | undefined): string {
    if (blob === undefined) return missingDocument;
    return blob.contentMD5 ? `md5:${blob.contentMD5}` : `etag:${blob.etag}`;
}

/**
 * Whether a blob of the secondary's storage holds the content `wanted`: it was copied from that
 * content (its metadata says so), or it has the same MD5. Anything else, including a blob written
 * there by hand since, is copied again.
 */
export function holdsContent(
    blob: { contentMD5?: string; replicatedContent?: string } | undefined,
    wanted: string,
): boolean {
    if (blob === undefined || wanted === missingDocument) return false;
    return blob.replicatedContent === wanted || (blob.contentMD5 !== undefined && `md5:${blob.contentMD5}` === wanted);
}

/** The documents' part of what a model is trained from: one hash of every location and content id. */
export function documentsHashOf(contents: DocumentContents): string {
    return `sha256:${createHash("sha256").update(canonicalJson(contents)).digest("hex")}`;
}

/**
 * `documents ~2 (movies/plot-04.txt, movies/plot-07.txt)`: the documents whose text changed between
 * two observations (same location, other content). Added and removed locations are label changes,
 * which the project's own change summary tells. Undefined when no text changed.
 */
export function describeDocumentChanges(before: DocumentContents, after: DocumentContents): string | undefined {
    const changed = Object.keys(after)
        .filter((location) => before[location] !== undefined && before[location] !== after[location])
        .sort();
    return changed.length === 0 ? undefined : `documents ~${changed.length} (${someOf(changed)})`;
}

/**
 * What a blob of the secondary's storage holds, as `held` records it: `wanted` when it holds that
 * content, else the content id of the source it was copied from (or its own), or `missing`.
 */
export function heldContentOf(
    blob: { contentMD5?: string; etag: string; replicatedContent?: string } | undefined,
    wanted: string,
): string {
    if (blob === undefined) return missingDocument;
    return holdsContent(blob, wanted) ? wanted : (blob.replicatedContent ?? contentIdOf(blob));
}

/** A document the secondary's storage lacks, and why, for the plan. */
export interface StaleDocument {
    location: string;
    why: "not copied yet" | "missing on the secondary" | "changed on the primary";
}

/**
 * The documents to copy so that the secondary's container holds `wanted`, given what it was last
 * seen to hold (`held`, see `heldContentOf`). Documents missing on the primary cannot be copied
 * and are left out.
 */
export function documentsToCopy(wanted: DocumentContents, held: DocumentContents): StaleDocument[] {
    return Object.entries(wanted)
        .filter(([location, content]) => content !== missingDocument && held[location] !== content)
        .map(([location]) => ({
            location,
            why:
                held[location] === undefined
                    ? "not copied yet"
                    : held[location] === missingDocument
                      ? "missing on the secondary"
                      : "changed on the primary",
        }));
}

/** How many locations a summary spells out before it says "and N more". */
const namesShown = 3;

/** A few names, then how many more: a plan line stays one line however many documents change. */
export function someOf(names: readonly string[]): string {
    const shown = names.slice(0, namesShown).join(", ");
    return names.length > namesShown ? `${shown}, and ${names.length - namesShown} more` : shown;
}
