import type { IncomingHttpHeaders } from "node:http";

/** A request as the emulator sees it once its body has been read. */
export interface EmulatorRequest {
    readonly method: string;
    /** The URL path, still percent-encoded, without the query. */
    readonly path: string;
    readonly query: URLSearchParams;
    readonly headers: IncomingHttpHeaders;
    readonly body: Buffer;
}

/** What a handler answers; `body` is serialized as JSON when present. */
export interface HttpResponse {
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: unknown;
}

/** Either an answer, or the instruction to destroy the socket without one (an injected fault). */
export type Outcome = HttpResponse | { readonly dropConnection: true };

export function ok(body: unknown): HttpResponse {
    return { status: 200, body };
}

export function isDropped(outcome: Outcome): outcome is { readonly dropConnection: true } {
    return "dropConnection" in outcome;
}
