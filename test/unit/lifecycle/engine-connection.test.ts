import { expect } from "chai";
import { engineConnectionAt, processEngineConnection } from "../../../provider/lifecycle/engine-connection";

/** The gRPC and protocol modules as @pulumi/pulumi ships them, recording what the connection does with them. */
function fakeModules(answer: Error | null) {
    const made: { address?: string; credentials?: unknown } = {};
    const logged: Record<string, unknown>[] = [];
    class LogRequest {
        readonly fields: Record<string, unknown> = {};
        setSeverity(value: number) {
            this.fields.severity = value;
        }
        setMessage(value: string) {
            this.fields.message = value;
        }
        setUrn(value: string) {
            this.fields.urn = value;
        }
        setEphemeral(value: boolean) {
            this.fields.ephemeral = value;
        }
    }
    class EngineClient {
        constructor(address: string, credentials: unknown) {
            made.address = address;
            made.credentials = credentials;
        }
        log(request: LogRequest, callback: (error: Error | null) => void) {
            logged.push(request.fields);
            setImmediate(() => callback(answer));
        }
    }
    const modules: Record<string, unknown> = {
        "@grpc/grpc-js": { credentials: { createInsecure: () => "insecure" } },
        "../../proto/engine_grpc_pb": { EngineClient },
        "../../proto/engine_pb": { LogRequest, LogSeverity: { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 } },
    };
    const load = (id: string) => modules[id] ?? expect.fail(`unexpected module ${id}`);
    return { load, made, logged };
}

describe("engine connection", () => {
    const stderrWrite = process.stderr.write;
    let written: string[];
    beforeEach(() => {
        written = [];
        process.stderr.write = ((text: string) => (written.push(text), true)) as typeof process.stderr.write;
    });
    afterEach(() => {
        process.stderr.write = stderrWrite;
    });

    it("sends each line as a Log request with its severity, URN and ephemerality", async () => {
        const { load, made, logged } = fakeModules(null);
        const engine = engineConnectionAt("127.0.0.1:5000", load);

        await engine.send("info", "import: 50%", "urn:a", true);
        await engine.send("warning", "expiry: renew soon", "urn:a", false);

        expect(made).to.deep.equal({ address: "127.0.0.1:5000", credentials: "insecure" });
        expect(logged).to.deep.equal([
            { severity: 1, message: "import: 50%", urn: "urn:a", ephemeral: true },
            { severity: 2, message: "expiry: renew soon", urn: "urn:a", ephemeral: false },
        ]);
        expect(written).to.deep.equal([]);
    });

    it("writes a line the engine refused to stderr instead, and still resolves", async () => {
        const { load } = fakeModules(new Error("UNAVAILABLE"));
        await engineConnectionAt("127.0.0.1:5000", load).send("info", "plan: import", "urn:a", false);
        expect(written).to.deep.equal(["plan: import\n"]);
    });

    it("is none in a process the engine did not start", () => {
        expect(processEngineConnection()).to.equal(undefined);
    });
});
