import * as fs from "node:fs";
import * as path from "node:path";

let writeCounter = 0;

/**
 * Replaces `file` so that a crash at any instant (even kill -9) leaves either the old or the new
 * content, never a mix: write a temp file beside it, fsync it, rename it over the target (atomic on
 * one file system), then fsync the directory so the rename itself survives a power loss.
 * Synchronous on purpose: callers write between requests, and one writer at a time needs no queue.
 */
export function writeFileAtomically(file: string, content: string): void {
    const directory = path.dirname(file);
    const temp = path.join(directory, `.${path.basename(file)}.${process.pid}.${++writeCounter}.tmp`);
    const handle = fs.openSync(temp, "w");
    try {
        fs.writeFileSync(handle, content);
        fs.fsyncSync(handle);
    } finally {
        fs.closeSync(handle);
    }
    fs.renameSync(temp, file);
    syncDirectory(directory);
}

/** Temp files of writers that died before their rename; never the live file. */
export function removeStaleTempFiles(file: string): void {
    const directory = path.dirname(file);
    const prefix = `.${path.basename(file)}.`;
    for (const entry of fs.readdirSync(directory)) {
        if (entry.startsWith(prefix) && entry.endsWith(".tmp")) {
            fs.rmSync(path.join(directory, entry), { force: true });
        }
    }
}

function syncDirectory(directory: string): void {
    const handle = fs.openSync(directory, "r");
    try {
        fs.fsyncSync(handle);
    } finally {
        fs.closeSync(handle);
    }
}
