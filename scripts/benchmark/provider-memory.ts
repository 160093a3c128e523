import * as fs from "node:fs";

/** How often the process table is read: often enough to see the provider before it exits. */
const sampleMs = 100;

/**
 * Watches the peak resident memory of the dynamic-provider process that this process's `pulumi`
 * starts (a descendant whose command line runs @pulumi/pulumi's cmd/dynamic-provider): its
 * VmHWM, the kernel's own high-water mark, read until the process is gone. Other engineers'
 * providers on the same machine are not descendants, so they are not counted. Linux only
 * (/proc); elsewhere the peak stays undefined.
 */
export function watchProviderMemory(): { stop(): Promise<number | undefined> } {
    let peakKb: number | undefined;
    const sample = () => {
        for (const pid of providerPids()) {
            const kb = highWaterKb(pid);
            if (kb !== undefined) peakKb = Math.max(peakKb ?? 0, kb);
        }
    };
    const timer = setInterval(sample, sampleMs);
    return {
        stop: async () => {
            clearInterval(timer);
            sample();
            return peakKb;
        },
    };
}

function providerPids(): number[] {
    if (!fs.existsSync("/proc/self/stat")) return [];
    return fs
        .readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .map(Number)
        .filter((pid) => read(`/proc/${pid}/cmdline`)?.includes("dynamic-provider") && descendsFromUs(pid));
}

function descendsFromUs(pid: number): boolean {
    for (let current = pid, hops = 0; current > 1 && hops < 20; hops++) {
        if (current === process.pid) return true;
        // The parent is the 2nd field after the command name, which is in parentheses and may hold spaces.
        const stat = read(`/proc/${current}/stat`);
        current = Number(stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    }
    return false;
}

function highWaterKb(pid: number): number | undefined {
    const match = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? "");
    return match ? Number(match[1]) : undefined;
}

/** A /proc file, or undefined when its process ended meanwhile. */
function read(path: string): string | undefined {
    try {
        return fs.readFileSync(path, "utf8");
    } catch {
        return undefined;
    }
}
