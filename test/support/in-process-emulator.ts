import * as fs from "node:fs";
import { EmulatorAdminClient, wellKnownKeys } from "../../emulator";
import { OutageRegistry } from "../../emulator/admin/outages";
import { isDropped, type EmulatorRequest, type Outcome } from "../../emulator/http/messages";
import type { RequestHandler } from "../../emulator/http/server";
import { defaultJobTiming, type JobTiming, JobTimingRules } from "../../emulator/jobs/timing";
import { emulatorHandler, emulatorResources } from "../../emulator/start-emulator";
import { Store } from "../../emulator/state/store";
import { type BodySource, type HttpResponse, type HttpSend, NetworkError } from "../../provider/client/http-send";
import type { TransportIo } from "../../provider/lifecycle/connections";
import { travelClu } from "../../stacks/local/samples/travel-clu";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { FakeClock } from "./fake-clock";
import { couldChangePrimary } from "./primary-guard";

/**
 * Each emulator gets endpoints of its own (on ports nobody listens on, since nothing leaves the
 * process): the provider keeps one rate limiter per endpoint, and beds must not share them.
 */
let nextPort = 41_000;

/** One request the emulator received, as `METHOD path` below its resource's endpoint. */
export interface ReceivedRequest {
    readonly resource: string;
    readonly method: string;
    readonly path: string;
}

/**
 * The real emulator (primary and secondary resources) answering in this process: the provider's
 * requests are handed to its handler without a socket, and its jobs follow the test's fake clock,
 * so a whole replication runs in milliseconds. The primary is guarded: once `guardPrimary` is
 * called, a request that could change it is refused with an error (failing the lifecycle call
 * that sent it) and remembered (failing the test even where the provider swallows the error).
 */
export class InProcessEmulator {
    readonly url = `http://127.0.0.1:${nextPort++}`;
    readonly clock: FakeClock;
    readonly received: ReceivedRequest[] = [];
    readonly primaryWrites: string[] = [];
    readonly admin: EmulatorAdminClient;
    private readonly handle: RequestHandler;
    private guarding = false;

    constructor(options: { clock?: FakeClock; jobTiming?: JobTiming } = {}) {
        this.clock = options.clock ?? new FakeClock();
        this.handle = emulatorHandler(
            emulatorResources(undefined),
            this.url,
            { rateLimits: false },
            {
                store: Store.open(undefined),
                clock: this.clock,
                timingRules: new JobTimingRules(options.jobTiming ?? defaultJobTiming),
                outages: new OutageRegistry(),
            },
        );
        this.admin = new EmulatorAdminClient(this.url, this.fetch);
    }

    /** What the provider's lifecycle methods take to reach this emulator on this clock. */
    get io(): Required<TransportIo> {
        return { send: this.send, clock: this.clock };
    }

    /** A resource's connection input, with its well-known key. */
    connection(resource: "primary" | "secondary"): { endpoint: string; key: string } {
        return { endpoint: `${this.url}/${resource}`, key: wellKnownKeys[resource][0] };
    }

    /** Gives a resource the local stack's travel CLU project, trained and deployed as the seed does it. */
    async seedTravelSample(resource: "primary" | "secondary" = "primary"): Promise<void> {
        await seedPrimary(
            { ...this.connection(resource), storageConnectionString: "" },
            [travelClu],
            () => {},
            this.io,
        );
    }

    /** From now on, any request that could change the primary is refused and recorded. */
    guardPrimary(): void {
        this.guarding = true;
    }

    /** The requests one resource received since the last `forget`, as `METHOD path`. */
    requestsTo(resource: string): string[] {
        return this.received.filter((r) => r.resource === resource).map((r) => `${r.method} ${r.path}`);
    }

    forget(): void {
        this.received.length = 0;
    }

    readonly send: HttpSend = async (request) => {
        const url = new URL(request.url);
        const [, resource = "", ...rest] = url.pathname.split("/");
        const path = `/${rest.join("/")}`;
        this.received.push({ resource, method: request.method, path });
        if (this.guarding && resource === "primary" && couldChangePrimary(request.method, path)) {
            this.primaryWrites.push(`${request.method} ${path}`);
            throw new Error(`test guard: ${request.method} ${path} would change the read-only primary`);
        }
        const body = await textOf(request.body);
        const outcome = await this.handle(emulatorRequestOf(request.method, url, request.headers, body));
        if (isDropped(outcome)) throw new NetworkError("ECONNRESET", "socket hang up");
        const response = httpResponseOf(outcome);
        // A download to disk, as the real send does it: the body goes to the file, not the caller.
        if (request.saveTo === undefined || response.status >= 300) return response;
        await fs.promises.writeFile(request.saveTo, response.text, { mode: 0o600 });
        return { ...response, text: "" };
    };

    /** The admin API's requests, through the same handler (for EmulatorAdminClient). */
    private readonly fetch: typeof fetch = async (input, init) => {
        const url = new URL(String(input));
        const headers = Object.fromEntries(new Headers(init?.headers).entries());
        const body = typeof init?.body === "string" ? init.body : undefined;
        const outcome = await this.handle(emulatorRequestOf(init?.method ?? "GET", url, headers, body));
        if (isDropped(outcome)) throw new TypeError("fetch failed: the admin API dropped the connection");
        const answer = httpResponseOf(outcome);
        return new Response(answer.status === 204 ? null : answer.text, { status: answer.status });
    };
}

/** A request body as text: streamed uploads (an import from a file) are read whole. */
async function textOf(body: string | BodySource | undefined): Promise<string | undefined> {
    if (body === undefined || typeof body === "string") return body;
    const chunks: Buffer[] = [];
    for await (const chunk of body.open()) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString("utf8");
}

function emulatorRequestOf(method: string, url: URL, headers: Record<string, string>, body?: string): EmulatorRequest {
    return {
        method: method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
        body: Buffer.from(body ?? ""),
    };
}

function httpResponseOf(outcome: Exclude<Outcome, { dropConnection: true }>): HttpResponse {
    const headers = Object.fromEntries(
        Object.entries(outcome.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    return { status: outcome.status, headers, text: outcome.body === undefined ? "" : JSON.stringify(outcome.body) };
}
