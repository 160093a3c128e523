import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isRunning } from "../../provider/export-cache/is-running";

/**
 * A run killed mid-way (Ctrl-C twice, kill -9, a closed laptop) leaves its stack locked, and
 * every later command fails until `pulumi cancel`. When the run that holds the lock is gone
 * from this machine, cancelling is safe, so it is done before the next command; a lock of a
 * run still going is left alone, and the CLI's own error then says so.
 */
export async function cancelKilledRuns(options: {
    stateDir: string;
    project: string;
    stack: string;
    pulumi: (args: readonly string[]) => Promise<string>;
    log: (line: string) => void;
}): Promise<void> {
    const { stale, live } = findStackLocks(options.stateDir, options.project, options.stack);
    if (stale.length === 0 || live.length > 0) return;
    const runs = stale.map((lock) => `pid ${lock.pid}, started ${lock.timestamp}`).join("; ");
    options.log(`the stack is locked by a run that is gone (${runs}): cancelling it`);
    await options.pulumi(["cancel", "--yes", "--stack", options.stack]);
}

/** What the file backend writes into a stack's lock (pkg/backend/diy/lock.go). */
interface StackLock {
    file: string;
    pid: number;
    hostname: string;
    timestamp: string;
}

/**
 * The locks a killed `pulumi` left on a stack of the file backend in `stateDir`: each run writes
 * `.pulumi/locks/<org>/<project>/<stack>/<id>.json` and deletes it when it ends, so a lock whose
 * process no longer runs on this machine can only be left over. Returns `stale` (safe to cancel)
 * and `live` (a run still going, here or on another machine: never touched).
 */
export function findStackLocks(
    stateDir: string,
    project: string,
    stack: string,
): { stale: StackLock[]; live: StackLock[] } {
    const locksRoot = path.join(stateDir, ".pulumi", "locks");
    const stale: StackLock[] = [];
    const live: StackLock[] = [];
    for (const dir of stackLockDirs(locksRoot, project, stack)) {
        for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith(".json"))) {
            const file = path.join(dir, name);
            const lock = { file, ...(JSON.parse(fs.readFileSync(file, "utf8")) as Omit<StackLock, "file">) };
            (lock.hostname === os.hostname() && !isRunning(lock.pid) ? stale : live).push(lock);
        }
    }
    return { stale, live };
}

/** The lock folders of one stack, under any organization (`organization` for the file backend). */
function stackLockDirs(locksRoot: string, project: string, stack: string): string[] {
    if (!fs.existsSync(locksRoot)) return [];
    return fs
        .readdirSync(locksRoot)
        .map((organization) => path.join(locksRoot, organization, project, stack))
        .filter((dir) => fs.existsSync(dir));
}
