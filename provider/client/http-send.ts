import got, { RequestError } from "got";

/** One HTTP exchange as the transport sees it; bodies are JSON or absent. */
export interface HttpRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
    signal?: AbortSignal;
}

export interface HttpResponse {
    status: number;
    /** Lower-case header names. */
    headers: Record<string, string | undefined>;
    /** The raw body text, "" when empty. */
    text: string;
}

/** Raised when no HTTP status came back: refused, reset, dropped or timed out. */
export class NetworkError extends Error {
    override readonly name = "NetworkError";

    constructor(
        readonly code: string,
        message: string,
    ) {
        super(message);
    }
}

/** Sends one request and returns whatever status came back; the transport decides what it means. */
export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * The production exchange, by got. got's own retries are off: the transport retries with an
 * injectable clock and shares one rate limit per resource, which got's retry cannot do.
 */
export const gotSend: HttpSend = async (request) => {
    try {
        const response = await got(request.url, {
            method: request.method as "GET",
            headers: request.headers,
            body: request.body,
            throwHttpErrors: false,
            followRedirect: false,
            retry: { limit: 0 },
            timeout: { request: request.timeoutMs },
            signal: request.signal,
            responseType: "text",
        });
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(response.headers)) {
            headers[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        return { status: response.statusCode, headers, text: response.body };
    } catch (error) {
        if (error instanceof RequestError) {
            throw new NetworkError(error.code ?? "NetworkError", error.message);
        }
        throw error;
    }
};
