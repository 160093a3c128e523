import * as net from "node:net";
import * as path from "node:path";

/**
 * The engine's address when this code runs in the dynamic-provider process. The engine starts
 * every provider with its address as the first argument; the dynamic-provider host does not use
 * it, so the provider does: to log against resources, and to notice when the engine is gone.
 * Undefined anywhere else (tests, the program's own process).
 */
export function engineAddress(host = require.main?.filename ?? "", argv = process.argv): string | undefined {
    const address = argv[2];
    return host.endsWith(path.join("cmd", "dynamic-provider", "index.js")) && address ? address : undefined;
}

/** How often the engine is looked for; a killed `pulumi` leaves the provider polling jobs otherwise. */
const engineCheckIntervalMs = 2_000;

/**
 * Ends this process when the engine that started it stops answering (`pulumi` killed): the jobs
 * it was waiting for go on at the service, and the next run adopts them. A check that cannot
 * connect twice in a row counts as gone, so one slow accept does not end a healthy run.
 */
export function exitWhenEngineGone(
    address: string,
    /** What ends the process, and how often to look (tests give their own). */
    { exit = (): void => process.exit(1), intervalMs = engineCheckIntervalMs } = {},
): () => void {
    const separator = address.lastIndexOf(":");
    const host = address.slice(0, separator);
    const port = Number(address.slice(separator + 1));
    let failures = 0;
    const timer = setInterval(() => {
        const socket = net.connect({ host, port });
        socket.setTimeout(intervalMs);
        socket.once("connect", () => {
            failures = 0;
            socket.destroy();
        });
        const failed = () => {
            socket.destroy();
            if (++failures >= 2) exit();
        };
        socket.once("error", failed);
        socket.once("timeout", failed);
    }, intervalMs);
    // The check alone never keeps the process alive.
    timer.unref();
    return () => clearInterval(timer);
}
