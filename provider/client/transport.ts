import { errorResponseSchema } from "../contract";
import { type Clock, systemClock } from "./clock";
import { authenticationHeaders, type Credentials, secretsOf } from "./credentials";
import { type BodySource, gotSend, type HttpResponse, type HttpSend, NetworkError } from "./http-send";
import { innerCodesOf, LanguageApiError } from "./language-api-error";
import { defaultRateLimits, type RateLimits, type ResourceRateLimiter, sharedRateLimiter } from "./rate-limiter";
import { redact } from "./redact";
import { defaultRetryPolicy, isRetryable, type RetryHistory, retryDelayMs, type RetryPolicy } from "./retry-policy";

export interface TransportOptions {
    /** A checked endpoint (see `checkEndpoint`), without trailing slash. */
    endpoint: string;
    credentials: Credentials;
    /** Per-resource request budget; `false` turns the client-side limiter off. */
    rateLimits?: RateLimits | false;
    /**
     * Which of the resource's budgets the requests count against: the authoring API's (default)
     * or the prediction API's, which the service limits apart (1000 requests a minute).
     */
    budget?: "authoring" | "prediction";
    retry?: Partial<RetryPolicy>;
    /** Timeout of one HTTP attempt. */
    requestTimeoutMs?: number;
    clock?: Clock;
    send?: HttpSend;
}

/** One call: the operation name is what errors and progress lines say. */
export interface CallRequest {
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    /** Absolute URL, on this resource's endpoint. */
    url: string;
    operation: string;
    /** Sent as JSON. */
    body?: unknown;
    /** Sent as it is read, for a body too large to hold (a project file on disk). */
    upload?: BodySource;
    /** Where a 2xx body is written instead of being returned as text (a project file being downloaded). */
    saveTo?: string;
    contentType?: string;
    signal?: AbortSignal;
}

const defaultRequestTimeoutMs = 60_000;

/** The code of a LanguageApiError raised because Microsoft Entra ID gave no token: no request was sent. */
export const entraTokenFailure = "EntraIdTokenFailed";

/**
 * Everything between a named operation and the wire for ONE Language resource: authentication,
 * the resource's rate limit, retries that honour Retry-After, and turning failures into
 * LanguageApiError. Knows no paths; the authoring client builds them.
 */
export class LanguageTransport {
    readonly endpoint: string;
    /** How errors name this resource: the endpoint's host and path, which hold no secret. */
    readonly resourceLabel: string;
    private readonly credentials: Credentials;
    private readonly limiter?: ResourceRateLimiter;
    private readonly retry: RetryPolicy;
    private readonly requestTimeoutMs: number;
    readonly clock: Clock;
    private readonly send: HttpSend;
    /**
     * The bearer tokens this transport has sent, newest last: a token is as secret as a key,
     * and an error that echoes a request (some gateways do) must not carry it. Tokens live an
     * hour and are refreshed, so a few cover every request still in flight.
     */
    private readonly tokensSent: string[] = [];

    constructor(options: TransportOptions) {
        this.endpoint = options.endpoint;
        this.resourceLabel = resourceLabelOf(options.endpoint);
        this.credentials = options.credentials;
        this.clock = options.clock ?? systemClock;
        this.retry = { ...defaultRetryPolicy, ...options.retry };
        this.requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
        this.send = options.send ?? gotSend;
        if (options.rateLimits !== false) {
            const key = options.budget === "prediction" ? `${this.endpoint} prediction` : this.endpoint;
            this.limiter = sharedRateLimiter(key, options.rateLimits ?? defaultRateLimits, this.clock);
        }
    }

    /** True when `url` belongs to this resource; keys are only ever sent to their own resource. */
    owns(url: string): boolean {
        return url === this.endpoint || url.startsWith(`${this.endpoint}/`);
    }

    /** Sends the request, retrying what may succeed later; resolves with the 2xx response. */
    async call(request: CallRequest): Promise<HttpResponse> {
        if (!this.owns(request.url)) {
            throw new Error(
                `${request.operation}: refusing to send credentials to ${new URL(request.url).host}, which is not ${this.resourceLabel}`,
            );
        }
        const history: RetryHistory = { failures: 0, throttledMs: 0 };
        for (;;) {
            request.signal?.throwIfAborted();
            await this.limiter?.acquire(request.method, request.signal);
            let response: HttpResponse;
            try {
                response = await this.send({
                    method: request.method,
                    url: request.url,
                    headers: await this.headers(request),
                    body: request.upload ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
                    ...(request.saveTo !== undefined && { saveTo: request.saveTo }),
                    timeoutMs: this.requestTimeoutMs,
                    signal: request.signal,
                });
            } catch (error) {
                if (request.signal?.aborted) throw request.signal.reason;
                if (!(error instanceof NetworkError)) throw error;
                history.failures++;
                const delay = retryDelayMs(this.retry, { method: request.method }, history, this.clock.now());
                if (delay === undefined) throw this.networkFailure(request, error);
                await this.clock.sleep(delay, request.signal);
                continue;
            }
            if (response.status >= 200 && response.status < 300) return response;
            const outcome = { method: request.method, status: response.status, headers: response.headers };
            if (response.status !== 429) history.failures++;
            const delay = retryDelayMs(this.retry, outcome, history, this.clock.now());
            if (delay === undefined) throw this.failure(request, response);
            if (response.status === 429) history.throttledMs += delay;
            await this.clock.sleep(delay, request.signal);
        }
    }

    private async headers(request: CallRequest): Promise<Record<string, string>> {
        const authentication = await authenticationHeaders(this.credentials, request.signal).catch((error: unknown) => {
            throw this.credentialFailure(request, error);
        });
        const token = authentication.Authorization?.replace(/^Bearer\s+/, "");
        if (token !== undefined && !this.tokensSent.includes(token)) {
            this.tokensSent.push(token);
            if (this.tokensSent.length > 4) this.tokensSent.shift();
        }
        const headers: Record<string, string> = { accept: "application/json", ...authentication };
        if (request.body !== undefined || request.upload !== undefined) {
            headers["content-type"] = request.contentType ?? "application/json";
        }
        return headers;
    }

    /** What must never leave the client: the key, or the tokens sent. */
    private secrets(): string[] {
        return [...secretsOf(this.credentials), ...this.tokensSent];
    }

    private failure(request: CallRequest, response: HttpResponse): LanguageApiError {
        const secrets = this.secrets();
        const envelope = errorResponseSchema.safeParse(parseJson(response.text));
        const error = envelope.success ? envelope.data.error : undefined;
        return new LanguageApiError({
            operation: request.operation,
            resource: this.resourceLabel,
            status: response.status,
            code: error?.code ?? `Http${response.status}`,
            serviceMessage: redact(error?.message ?? (response.text.slice(0, 200) || "no error body"), secrets),
            innerCodes: error ? innerCodesOf(error) : [],
            requestId: response.headers["apim-request-id"] ?? response.headers["x-ms-request-id"],
            isRetryable: isRetryable({ method: request.method, status: response.status }),
        });
    }

    /**
     * Microsoft Entra ID gave no token (no credential found, wrong tenant or secret): said as an
     * error of this resource, so callers can tell which connection's credentials are wrong.
     */
    private credentialFailure(request: CallRequest, error: unknown): unknown {
        if (request.signal?.aborted || !(error instanceof Error)) return error;
        return new LanguageApiError({
            operation: request.operation,
            resource: this.resourceLabel,
            code: entraTokenFailure,
            serviceMessage: redact(`${error.name}: ${error.message.split("\n")[0]}`, this.secrets()),
            innerCodes: [],
            isRetryable: false,
        });
    }

    private networkFailure(request: CallRequest, error: NetworkError): LanguageApiError {
        return new LanguageApiError({
            operation: request.operation,
            resource: this.resourceLabel,
            code: error.code,
            serviceMessage: redact(error.message, this.secrets()),
            innerCodes: [],
            isRetryable: isRetryable({ method: request.method }),
        });
    }
}

/** How errors name a resource: the endpoint's host and path, which hold no secret. */
export function resourceLabelOf(endpoint: string): string {
    const url = new URL(endpoint);
    return `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

/** Parses a body that should be JSON; undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
    if (text.trim() === "") return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}
