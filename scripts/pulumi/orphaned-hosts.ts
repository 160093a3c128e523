import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { pulumiToolsRoot } from "./offline-environment";

/**
 * Ends the Node.js language hosts that a killed `pulumi` left behind. The host this project
 * builds (v3.68.0) puts itself in a process group of its own and does not notice when its engine
 * dies, so after `kill -9` of the CLI it waits forever. Only hosts of this checkout whose parent
 * is gone (re-parented to init) are ended: a host of a run still going always has its CLI as
 * parent. Returns their process ids.
 */
export function endOrphanedLanguageHosts(): number[] {
    const host = path.join(pulumiToolsRoot, "bin", "pulumi-language-nodejs");
    const orphans = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
        .split("\n")
        .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .filter(([, , ppid, args]) => ppid === "1" && args!.startsWith(`${host} `))
        .map(([, pid]) => Number(pid));
    for (const pid of orphans) process.kill(pid, "SIGTERM");
    return orphans;
}
