import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { asServiceError, errorAnswer } from "./answers";
import { isDropped, type EmulatorRequest, type HttpResponse, type Outcome } from "./messages";

export type RequestHandler = (request: EmulatorRequest) => Promise<Outcome>;

export interface ListeningServer {
    /** `http://127.0.0.1:<port>` */
    readonly url: string;
    close(): Promise<void>;
}

/**
 * Listens on loopback only, then asks `handlerFor(url)` for the handler: resource endpoints embed
 * the port, which is known only once bound. Requests that arrive earlier wait for it.
 */
export async function listen(port: number, handlerFor: (url: string) => RequestHandler): Promise<ListeningServer> {
    let resolveHandler!: (handler: RequestHandler) => void;
    const handler = new Promise<RequestHandler>((resolve) => (resolveHandler = resolve));
    const server = http.createServer((incoming, response) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
            const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
            const request: EmulatorRequest = {
                method: (incoming.method ?? "GET").toUpperCase(),
                path: url.pathname,
                query: url.searchParams,
                headers: incoming.headers,
                body: Buffer.concat(chunks),
            };
            void handler
                .then((handle) => handle(request))
                .catch((error: unknown) => errorAnswer(asServiceError(error), undefined))
                .then((outcome) => write(incoming, response, outcome));
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resolveHandler(handlerFor(url));
    return {
        url,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((error) => (error === undefined ? resolve() : reject(error)));
                server.closeAllConnections();
            }),
    };
}

/**
 * Header names go out exactly as spelled in the answer (Node keeps the case it is given), so the
 * service's `Content-Type`/`Content-Length` sit beside its lower-case `apim-request-id`.
 */
function write(incoming: http.IncomingMessage, response: http.ServerResponse, outcome: Outcome): void {
    if (isDropped(outcome)) {
        incoming.socket.destroy();
        return;
    }
    const answer: HttpResponse = outcome;
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body === undefined) {
        // An empty 202 says so explicitly rather than with an empty chunked stream.
        if (answer.status !== 204) {
            headers["Content-Length"] = "0";
        }
        response.writeHead(answer.status, headers).end();
        return;
    }
    const body = JSON.stringify(answer.body);
    headers["Content-Type"] = "application/json; charset=utf-8";
    headers["Content-Length"] = String(Buffer.byteLength(body));
    response.writeHead(answer.status, headers).end(body);
}
