import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ExportedFile } from "../project-file/exported-file";
import { privateDirectory } from "./private-directory";

/** An export kept on disk: the file and what its reading found, less the item index (kept in memory only while used). */
export type KeptExport = Omit<ExportedFile, "fingerprint"> & {
    fingerprint: Omit<ExportedFile["fingerprint"], "index">;
};

interface Entry {
    file: KeptExport;
    /** Reads announced by checks (of replicas of the same primary project) that have not taken it yet. */
    claims: number;
}

/**
 * Room for about a dozen exports of the largest CLU project (50,000 utterances, ~18 MB) and
 * thousands of ordinary ones. The folder may be on a RAM-backed /tmp, so it stays modest; an
 * export that does not fit is simply made again by the update that needs it.
 */
export const defaultMaxBytes = 256 * 1024 * 1024;

/**
 * Exports `check` made, kept for the `create` or `update` that follows in the same provider
 * process, so the primary is exported once per change. On disk, in a folder only this user can
 * read (exports hold customer data), never in memory; bounded in bytes, the least recently
 * used going first; each file removed as soon as its import has read it, and the folder when the
 * process ends.
 *
 * Keys name a revision (resource, api-version, project, lastModifiedDateTime): a revision's
 * content never changes, so a kept export is valid for as long as the primary has not moved.
 */
export class ExportCache {
    private readonly entries = new Map<string, Entry>();
    private keptBytes = 0;
    private folder: string | undefined;

    constructor(
        private readonly maxBytes = defaultMaxBytes,
        private readonly makeFolder: () => string = privateDirectory,
    ) {}

    /** A path for a new export file in the private folder. */
    newFile(): string {
        this.folder ??= this.makeFolder();
        return path.join(this.folder, `${randomUUID()}.json`);
    }

    /** Keeps an export of a revision, for one later `take`; a second check of the same revision claims it instead. */
    keep(key: string, file: KeptExport): void {
        const previous = this.entries.get(key);
        if (previous) this.forget(key, previous);
        this.entries.set(key, { file, claims: 1 });
        this.keptBytes += file.size;
        this.evict();
    }

    /** The kept export of a revision, to read again without exporting (it stays kept, for one more take). */
    claim(key: string): KeptExport | undefined {
        const entry = this.refreshed(key);
        if (entry) entry.claims++;
        return entry?.file;
    }

    /** Whether any revision of this project is kept: if none is, there is no need to ask which is current. */
    hasAny(keyPrefix: string): boolean {
        return [...this.entries.keys()].some((key) => key.startsWith(keyPrefix));
    }

    /**
     * Hands a kept export over for an import, which `discard`s it when done. While other claims
     * remain, the caller gets a hard link of its own, so evicting the kept file cannot cut its read.
     */
    take(key: string): KeptExport | undefined {
        const entry = this.refreshed(key);
        if (!entry) return undefined;
        if (--entry.claims > 0) {
            const linked = this.newFile();
            fs.linkSync(entry.file.path, linked);
            return { ...entry.file, path: linked };
        }
        this.entries.delete(key);
        this.keptBytes -= entry.file.size;
        return entry.file;
    }

    /** Removes a file once used (or not kept); a file that is already gone is fine. */
    discard(file: { path: string }): void {
        fs.rmSync(file.path, { force: true });
    }

    private refreshed(key: string): Entry | undefined {
        const entry = this.entries.get(key);
        if (entry) {
            // Map order is the eviction order: the most recently used goes last.
            this.entries.delete(key);
            this.entries.set(key, entry);
        }
        return entry;
    }

    private evict(): void {
        for (const [key, entry] of this.entries) {
            if (this.keptBytes <= this.maxBytes) return;
            this.forget(key, entry);
        }
    }

    private forget(key: string, entry: Entry): void {
        this.entries.delete(key);
        this.keptBytes -= entry.file.size;
        this.discard(entry.file);
    }
}

/** The cache of this provider process, shared by every replica it serves. */
export const exportCache = new ExportCache();

/** The key of a revision of a primary project. */
export function revisionKey(revision: {
    endpoint: string;
    apiVersion: string;
    projectName: string;
    lastModifiedDateTime?: string;
}): string {
    return `${revision.endpoint} ${revision.apiVersion} ${revision.projectName} ${revision.lastModifiedDateTime ?? ""}`;
}
