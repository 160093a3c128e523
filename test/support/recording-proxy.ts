import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request that passed the proxy. */
export interface ProxiedRequest {
    method: string;
    /** The path, without the query (a SAS lives there). */
    path: string;
    /** The operation's `comp` query parameter (`list`, `block`, `blocklist`, ...), if any. */
    comp?: string;
    /** Whether it asked the storage service to copy from a URL (`x-ms-copy-source`). */
    copiesFromUrl: boolean;
}

/**
 * A loopback proxy in front of an Azurite: records the method and path of every request it
 * passes on, so a test counts what reached a storage account (copies, listings) and proves that
 * nothing wrote to one. When the service behind it is down, the proxy drops the connection, as a
 * storage account of a region that is down would.
 */
export class RecordingProxy {
    private readonly log: ProxiedRequest[] = [];

    private constructor(
        private readonly server: http.Server,
        /** `http://127.0.0.1:<port>`: put the account's path after it. */
        readonly url: string,
    ) {}

    /** Proxies to `target` (`http://127.0.0.1:<port>`, the service's origin). */
    static async start(target: string): Promise<RecordingProxy> {
        const upstream = new URL(target);
        let proxy: RecordingProxy | undefined;
        const server = http.createServer((request, response) => {
            const url = new URL(request.url ?? "/", "http://proxy");
            const comp = url.searchParams.get("comp");
            proxy!.log.push({
                method: request.method ?? "",
                path: url.pathname,
                ...(comp !== null && { comp }),
                copiesFromUrl: request.headers["x-ms-copy-source"] !== undefined,
            });
            const forwarded = http.request(
                {
                    host: upstream.hostname,
                    port: upstream.port,
                    method: request.method,
                    path: request.url,
                    headers: request.headers,
                },
                (answer) => {
                    response.writeHead(answer.statusCode ?? 502, answer.headers);
                    answer.pipe(response);
                },
            );
            forwarded.on("error", () => response.destroy());
            request.pipe(forwarded);
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        proxy = new RecordingProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        return proxy;
    }

    /** Every request since the last `clear`. */
    requests(): ProxiedRequest[] {
        return [...this.log];
    }

    /** The requests that could have changed the account: anything but GET and HEAD, as `METHOD path`. */
    writes(): string[] {
        return this.log
            .filter((request) => request.method !== "GET" && request.method !== "HEAD")
            .map((request) => `${request.method} ${request.path}`);
    }

    clear(): void {
        this.log.length = 0;
    }

    stop(): Promise<void> {
        this.server.closeAllConnections();
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
}
