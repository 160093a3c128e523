import * as fs from "node:fs";
import type { HttpRequest, HttpResponse, HttpSend } from "../../provider/client/http-send";

/** A scripted answer: a response, or an error to throw (a network failure). */
export type ScriptedAnswer = (Partial<HttpResponse> & { status: number }) | Error;

/**
 * An HttpSend that answers from a script, in order, and records every request it received.
 * Bodies given as objects are sent as JSON text.
 */
export function scriptedSend(
    ...script: (ScriptedAnswer | { status: number; json: unknown; headers?: Record<string, string> })[]
) {
    const requests: HttpRequest[] = [];
    const send: HttpSend = async (request) => {
        requests.push(request);
        const next = script.shift();
        if (!next) throw new Error(`unscripted request ${request.method} ${request.url}`);
        if (next instanceof Error) throw next;
        const text = "json" in next ? JSON.stringify(next.json) : (next.text ?? "");
        // A download writes a 2xx body to its file, as the real exchange does.
        if (request.saveTo !== undefined && next.status < 300) {
            fs.writeFileSync(request.saveTo, text);
            return { status: next.status, headers: next.headers ?? {}, text: "" };
        }
        return { status: next.status, headers: next.headers ?? {}, text };
    };
    return { send, requests, remaining: () => script.length };
}
