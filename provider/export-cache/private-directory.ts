import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isRunning } from "./is-running";

/**
 * Names of the folders: the prefix, then the pid of the process that owns the folder, so that
 * one a killed process left behind can be told from one in use.
 */
const folderPattern = /^replicated-language-exports-(\d+)-/;
const folderPrefix = (pid: number) => `replicated-language-exports-${pid}-`;

/**
 * A folder for files that may hold customer data (exported projects): readable by this user
 * only (0700), in the system's temporary directory, removed when this process ends. The engine
 * ends providers with SIGINT (SIGKILL 5 s later), which skips exit handlers, so the signals are
 * caught, the folder removed and the signal raised again. Folders of processes that are gone
 * (killed outright) are removed before a new one is made.
 */
export function privateDirectory(root = os.tmpdir()): string {
    removeLeftovers(root);
    const directory = fs.mkdtempSync(path.join(root, folderPrefix(process.pid)));
    fs.chmodSync(directory, 0o700);
    if (ownFolders.size === 0) removeOnEnd();
    ownFolders.add(directory);
    return directory;
}

/** The folders this process made, removed together when it ends. */
const ownFolders = new Set<string>();

function removeOnEnd(): void {
    const remove = () => ownFolders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true }));
    process.once("exit", remove);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
            remove();
            process.kill(process.pid, signal);
        });
    }
}

/** Folders of ours whose process no longer runs; never another user's. */
function removeLeftovers(root: string): void {
    for (const name of fs.readdirSync(root)) {
        const owner = folderPattern.exec(name)?.[1];
        if (owner === undefined || isRunning(Number(owner))) continue;
        const folder = path.join(root, name);
        try {
            if (fs.statSync(folder).uid === process.getuid?.()) fs.rmSync(folder, { recursive: true, force: true });
        } catch {
            // Removed meanwhile by another process cleaning up: nothing left to do.
        }
    }
}
