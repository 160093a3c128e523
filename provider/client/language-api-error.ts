import type { ErrorDetail } from "../contract";

/** What went wrong, on which resource: the identifiers a reader needs to find the failing call. */
export interface LanguageApiErrorDetails {
    /** Gerund phrase naming the operation, e.g. `exporting project "faq"`. */
    operation: string;
    /** The resource's endpoint host (or emulator path), never a key. */
    resource: string;
    /** HTTP status, absent for network failures and timeouts. */
    status?: number;
    /** The service's `error.code` (e.g. "ProjectNotFound", or "401" from the gateway), or a network code. */
    code: string;
    /** The service's message, already redacted. */
    serviceMessage: string;
    /** Codes of the innererror chain, outermost first. */
    innerCodes: string[];
    /** `apim-request-id` / `x-ms-request-id`, for a support ticket. */
    requestId?: string;
    /** True when the same request may succeed if sent again later. */
    isRetryable: boolean;
}

/**
 * The one error the client raises for an unsuccessful call. Its message reads
 * `<operation> on <resource>: <status> <code>: <message> (inner: a > b) [request id r]` and never
 * holds a key or token: every text in it went through `redact` first.
 */
export class LanguageApiError extends Error implements LanguageApiErrorDetails {
    override readonly name = "LanguageApiError";
    readonly operation: string;
    readonly resource: string;
    readonly status?: number;
    readonly code: string;
    readonly serviceMessage: string;
    readonly innerCodes: string[];
    readonly requestId?: string;
    readonly isRetryable: boolean;

    constructor(details: LanguageApiErrorDetails) {
        const status = details.status === undefined ? "" : `${details.status} `;
        const inner = details.innerCodes.length > 0 ? ` (inner: ${details.innerCodes.join(" > ")})` : "";
        const request = details.requestId ? ` [request id ${details.requestId}]` : "";
        super(
            `${details.operation} on ${details.resource}: ${status}${details.code}: ${details.serviceMessage}${inner}${request}`,
        );
        this.operation = details.operation;
        this.resource = details.resource;
        this.status = details.status;
        this.code = details.code;
        this.serviceMessage = details.serviceMessage;
        this.innerCodes = details.innerCodes;
        this.requestId = details.requestId;
        this.isRetryable = details.isRetryable;
    }
}

/** Codes of an error's innererror chain, outermost first. */
export function innerCodesOf(error: ErrorDetail): string[] {
    const codes: string[] = [];
    for (let inner = error.innererror; inner; inner = inner.innererror) codes.push(inner.code);
    return codes;
}
