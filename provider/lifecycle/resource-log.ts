import { createRequire } from "node:module";
import { engineAddress } from "./provider-process";

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
export function resourceLog(urn: unknown, label: string): ResourceLog {
    const engine = typeof urn === "string" && urn !== "" ? engineConnection() : undefined;
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

type Severity = "info" | "warning";

interface EngineConnection {
    /** Never rejects: a line the engine did not take goes to stderr instead. */
    send(severity: Severity, line: string, urn: string, ephemeral: boolean): Promise<void>;
}

let connection: EngineConnection | null | undefined;

/**
 * The engine connection of this process, made once, through @pulumi/pulumi's own dependencies:
 * the same gRPC and protocol code it speaks.
 */
function engineConnection(): EngineConnection | undefined {
    if (connection !== undefined) return connection ?? undefined;
    const address = engineAddress();
    if (!address) {
        connection = null;
        return undefined;
    }
    // The dynamic-provider host is @pulumi/pulumi's cmd/dynamic-provider/index.js.
    const fromPulumi = createRequire(require.main!.filename);
    const grpc: { credentials: { createInsecure(): unknown } } = fromPulumi("@grpc/grpc-js");
    const { EngineClient } = fromPulumi("../../proto/engine_grpc_pb");
    const { LogRequest, LogSeverity } = fromPulumi("../../proto/engine_pb");
    const client = new EngineClient(address, grpc.credentials.createInsecure());
    const severities: Record<Severity, number> = { info: LogSeverity.INFO, warning: LogSeverity.WARNING };
    connection = {
        send: (severity, line, urn, ephemeral) =>
            new Promise((resolve) => {
                const request = new LogRequest();
                request.setSeverity(severities[severity]);
                request.setMessage(line);
                request.setUrn(urn);
                request.setEphemeral(ephemeral);
                client.log(request, (error: Error | null) => {
                    if (error) process.stderr.write(`${line}\n`);
                    resolve();
                });
            }),
    };
    return connection;
}

function consoleLog(label: string): ResourceLog {
    const write = (line: string) => console.log(`[${label}] ${line}`);
    return { info: write, progress: write, warn: write, flushed: () => Promise.resolve() };
}
