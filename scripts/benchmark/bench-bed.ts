import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, type RequestLogEntry, wellKnownKeys } from "../../emulator";
import { openOfflineStack } from "../pulumi/offline-workspace";
import { repoRoot } from "../pulumi/offline-environment";

/** The two emulated resources as a benchmark program gets them. */
export interface BenchResources {
    primary: { endpoint: string; key: string };
    secondary: { endpoint: string; key: string };
}

/** What the services process prints once they listen. */
interface ServiceEndpoints {
    emulatorUrl: string;
    storageConnectionString: string;
}

/**
 * One measurement's own world: Azurite and the emulator on free ports, in memory, in a process
 * of their own (see services-process.ts), jobs instant and no rate limits until the measurement
 * says otherwise (through the admin API), and stacks on the repository's file backend, removed
 * again when it stops. Each phase of the benchmark starts its own, so none sees another's
 * projects, jobs or request log.
 */
export class BenchBed {
    private readonly stacks: Stack[] = [];

    private constructor(
        private readonly services: ChildProcess,
        private readonly endpoints: ServiceEndpoints,
        readonly admin: EmulatorAdminClient,
        private readonly workDir: string,
    ) {}

    static async start(): Promise<BenchBed> {
        const services = spawn(process.execPath, [path.join(__dirname, "services-process.js")], {
            stdio: ["pipe", "pipe", "inherit"],
        });
        const endpoints = await firstLine<ServiceEndpoints>(services);
        const admin = new EmulatorAdminClient(endpoints.emulatorUrl);
        await admin.setRateLimits(false);
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        return new BenchBed(services, endpoints, admin, fs.mkdtempSync(path.join(repoRoot, ".tmp", "bench-")));
    }

    get resources(): BenchResources {
        const url = this.endpoints.emulatorUrl;
        return {
            primary: { endpoint: `${url}/primary`, key: wellKnownKeys.primary[0] },
            secondary: { endpoint: `${url}/secondary`, key: wellKnownKeys.secondary[0] },
        };
    }

    get storageConnectionString(): string {
        return this.endpoints.storageConnectionString;
    }

    /** A stack of this bed whose program runs in this process. */
    async openStack(name: string, program: PulumiFn): Promise<Stack> {
        const stackName = `bench-${process.pid}-${name}`;
        const stack = await openOfflineStack({ stackName, projectName: "benchmark", workDir: this.workDir, program });
        this.stacks.push(stack);
        return stack;
    }

    /** The requests the emulator logged since the last `clearRequests`. */
    requests(resource?: string): Promise<RequestLogEntry[]> {
        return this.admin.requests(resource);
    }

    /**
     * Forgets the stacks (the emulator's state goes with it: nothing to destroy, and destroying
     * a throttled fleet would take minutes) and stops the services.
     */
    async stop(): Promise<void> {
        for (const stack of this.stacks) {
            await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
        }
        fs.rmSync(this.workDir, { recursive: true, force: true });
        const exited = new Promise((resolve) => this.services.once("exit", resolve));
        this.services.stdin!.end();
        await exited;
    }
}

/** The first line a child prints, parsed; rejects if it exits first. */
function firstLine<T>(child: ChildProcess): Promise<T> {
    return new Promise((resolve, reject) => {
        let printed = "";
        child.stdout!.on("data", (chunk: Buffer) => {
            printed += chunk.toString("utf8");
            if (printed.includes("\n")) resolve(JSON.parse(printed.slice(0, printed.indexOf("\n"))) as T);
        });
        child.once("exit", (code) => reject(new Error(`the benchmark's services exited (${code}) before listening`)));
    });
}
