import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

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

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: it runs, as another user.
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}
