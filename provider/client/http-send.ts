import * as fs from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import got, { RequestError, type Response } from "got";

/**
 * A request body read from elsewhere (a file on disk) rather than held in memory: a project
 * file can be tens of megabytes. `open` is called once per attempt, so a retry sends it whole again.
 */
export interface BodySource {
    /** In bytes, sent as Content-Length. */
    readonly length: number;
    open(): Readable;
}

/** One HTTP exchange as the transport sees it; bodies are JSON text, a streamed source, or absent. */
export interface HttpRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string | BodySource;
    /** Write a 2xx body to this file (created private to this user) instead of returning it as text. */
    saveTo?: string;
    timeoutMs: number;
    signal?: AbortSignal;
}

export interface HttpResponse {
    status: number;
    /** Lower-case header names. */
    headers: Record<string, string | undefined>;
    /** The raw body text, "" when empty or saved to a file. */
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
        return request.saveTo === undefined ? await exchange(request) : await download(request, request.saveTo);
    } catch (error) {
        if (error instanceof RequestError) {
            throw new NetworkError(error.code ?? "NetworkError", error.message);
        }
        throw error;
    }
};

function optionsOf(request: HttpRequest) {
    const { body } = request;
    const streamed = body !== undefined && typeof body !== "string" ? body : undefined;
    return {
        method: request.method as "GET",
        headers: streamed ? { ...request.headers, "content-length": String(streamed.length) } : request.headers,
        body: streamed ? streamed.open() : (body as string | undefined),
        throwHttpErrors: false,
        followRedirect: false,
        retry: { limit: 0 },
        timeout: { request: request.timeoutMs },
        signal: request.signal,
    } as const;
}

async function exchange(request: HttpRequest): Promise<HttpResponse> {
    const response = await got(request.url, { ...optionsOf(request), responseType: "text" });
    return { status: response.statusCode, headers: headersOf(response), text: response.body };
}

/** A GET whose 2xx body goes straight to a file, a chunk at a time; an error body is read as text. */
async function download(request: HttpRequest, path: string): Promise<HttpResponse> {
    const stream = got.stream(request.url, optionsOf(request));
    const response = await new Promise<Response>((resolve, reject) => {
        stream.once("response", resolve);
        stream.once("error", reject);
    });
    const status = response.statusCode;
    if (status < 200 || status >= 300) {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return { status, headers: headersOf(response), text: Buffer.concat(chunks).toString("utf8") };
    }
    await pipeline(stream, fs.createWriteStream(path, { mode: 0o600 }));
    return { status, headers: headersOf(response), text: "" };
}

function headersOf(response: Response): Record<string, string | undefined> {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
        headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    return headers;
}
