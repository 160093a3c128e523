import type { RequestLogEntry } from "../../emulator";

/** What may reach the read-only primary besides GETs: requests that change nothing there. */
const harmless: readonly { method: string; path: RegExp; why: string }[] = [
    { method: "POST", path: /^\/language\/authoring\/[^/]+\/projects\/[^/]+\/:export$/, why: "the export trigger" },
    { method: "POST", path: /^\/language\/:analyze-conversations$/, why: "a prediction (the parity probe)" },
    { method: "POST", path: /^\/language\/analyze-text\/jobs$/, why: "a text prediction job (the parity probe)" },
];

/** The requests in a primary's log that could have changed it, as `METHOD path`. */
export function writesIn(requests: readonly RequestLogEntry[]): string[] {
    return requests
        .filter(
            (request) =>
                request.method !== "GET" &&
                !harmless.some((rule) => rule.method === request.method && rule.path.test(request.path)),
        )
        .map((request) => `${request.method} ${request.path}`);
}
