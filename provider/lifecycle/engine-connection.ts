import { createRequire } from "node:module";
import { engineAddress } from "./provider-process";

export type Severity = "info" | "warning";

/** The engine's Log call, as the provider's lines need it. */
export interface EngineConnection {
    /** Never rejects: a line the engine did not take goes to stderr instead. */
    send(severity: Severity, line: string, urn: string, ephemeral: boolean): Promise<void>;
}

let connection: EngineConnection | null | undefined;

/**
 * The engine connection of this process, made once; none outside the dynamic-provider process.
 * It is made through @pulumi/pulumi's own dependencies: the same gRPC and protocol code it speaks.
 */
export function processEngineConnection(): EngineConnection | undefined {
    if (connection === undefined) {
        const address = engineAddress();
        // The dynamic-provider host is @pulumi/pulumi's cmd/dynamic-provider/index.js.
        connection = address ? engineConnectionAt(address, createRequire(require.main!.filename)) : null;
    }
    return connection ?? undefined;
}

/** The parts of @pulumi/pulumi's gRPC and protocol modules the connection uses. */
interface LogRequest {
    setSeverity(value: number): void;
    setMessage(value: string): void;
    setUrn(value: string): void;
    setEphemeral(value: boolean): void;
}
interface EngineProtocol {
    grpc: { credentials: { createInsecure(): unknown } };
    client: {
        EngineClient: new (
            address: string,
            credentials: unknown,
        ) => { log(request: LogRequest, callback: (error: Error | null) => void): void };
    };
    messages: { LogRequest: new () => LogRequest; LogSeverity: { INFO: number; WARNING: number } };
}

/** A connection to the engine at `address`, with the gRPC and protocol modules `load` finds. */
export function engineConnectionAt(address: string, load: (id: string) => unknown): EngineConnection {
    const grpc = load("@grpc/grpc-js") as EngineProtocol["grpc"];
    const { EngineClient } = load("../../proto/engine_grpc_pb") as EngineProtocol["client"];
    const { LogRequest, LogSeverity } = load("../../proto/engine_pb") as EngineProtocol["messages"];
    const client = new EngineClient(address, grpc.credentials.createInsecure());
    const severities: Record<Severity, number> = { info: LogSeverity.INFO, warning: LogSeverity.WARNING };
    return {
        send: (severity, line, urn, ephemeral) =>
            new Promise((resolve) => {
                const request = new LogRequest();
                request.setSeverity(severities[severity]);
                request.setMessage(line);
                request.setUrn(urn);
                request.setEphemeral(ephemeral);
                client.log(request, (error) => {
                    if (error) process.stderr.write(`${line}\n`);
                    resolve();
                });
            }),
    };
}
