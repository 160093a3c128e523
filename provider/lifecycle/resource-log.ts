import { type EngineConnection, processEngineConnection, type Severity } from "./engine-connection";

/** Where the provider's lines go: under the resource they are about. */
export interface ResourceLog {
    /** A line that stays: shown under the resource, and again in the summary at the end. */
    info(line: string): void;
    /** A passing status, such as a job's progress: shown live under the resource, left out of the summary. */
    progress(line: string): void;
    warn(line: string): void;
    /** Resolves once every line so far has been delivered; await it before answering the engine. */
    flushed(): Promise<void>;
}

/**
 * The log of one resource. Inside the dynamic-provider process, lines go to the engine's Log
 * call with the resource's URN, so `pulumi up` shows them on the resource's row rather than
 * under the stack (where the process's stdout lands). Elsewhere (tests, or state written before
 * the URN was recorded) they go to stdout with `label` in front.
 */
export function resourceLog(
    urn: unknown,
    label: string,
    /** The engine this process logs to, if any (tests give their own). */
    engineOf: () => EngineConnection | undefined = processEngineConnection,
): ResourceLog {
    const engine = typeof urn === "string" && urn !== "" ? engineOf() : undefined;
    if (!engine) return consoleLog(label);
    let delivered = Promise.resolve();
    const send = (severity: Severity, line: string, ephemeral: boolean) => {
        // One after another, so lines arrive in the order written.
        delivered = delivered.then(() => engine.send(severity, line, urn as string, ephemeral));
    };
    return {
        info: (line) => send("info", line, false),
        progress: (line) => send("info", line, true),
        warn: (line) => send("warning", line, false),
        flushed: () => delivered,
    };
}

function consoleLog(label: string): ResourceLog {
    const write = (line: string) => console.log(`[${label}] ${line}`);
    return { info: write, progress: write, warn: write, flushed: () => Promise.resolve() };
}
