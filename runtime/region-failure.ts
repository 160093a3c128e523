import { isRestError, type RestError } from "@azure/core-rest-pipeline";
import { TaskCancelledError } from "cockatiel";
import { errorResponseSchema } from "../provider/contract";
import { innerCodesOf, LanguageApiError } from "../provider/client/language-api-error";
import { redact } from "../provider/client/redact";

/** Where a failure happened, as errors name it: no key, no token. */
export interface RegionLabel {
    /** The endpoint's host and path. */
    readonly resource: string;
    /** Values that must never appear in a message: the key, or the Entra ID client secret. */
    readonly secrets: readonly string[];
}

/**
 * Statuses that say the region, not the request, is at fault, so another region may answer.
 * Predictions change nothing, so unlike authoring calls every status here is worth a second
 * region whatever the method. 429: the other resource has a budget of its own.
 */
const regionStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** The SDKs' poller says only this when a text analysis job ends `failed`: the region answered. */
const failedJobMessage = "The long-running operation has failed";

/**
 * Turns whatever an SDK call threw into the one error this package raises, with `isRetryable`
 * meaning "another region may answer": timeouts, network failures and 408/429/5xx. Every text in
 * it goes through `redact`, and nothing of the SDK's request (which holds the key header) is kept.
 */
export function describeFailure(error: unknown, operation: string, region: RegionLabel): LanguageApiError {
    const details = { operation, resource: region.resource, innerCodes: [] as string[] };
    const clean = (text: string) => redact(text, region.secrets);
    if (error instanceof TaskCancelledError) {
        return new LanguageApiError({
            ...details,
            code: "Timeout",
            serviceMessage: clean(error.message),
            isRetryable: true,
        });
    }
    if (isRestError(error)) {
        return restFailure(error, details, clean);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new LanguageApiError({
        ...details,
        code: message === failedJobMessage ? "JobFailed" : error instanceof Error ? error.name : "Error",
        serviceMessage: clean(message.split("\n")[0] ?? ""),
        isRetryable: false,
    });
}

function restFailure(
    error: RestError,
    details: { operation: string; resource: string; innerCodes: string[] },
    clean: (text: string) => string,
): LanguageApiError {
    const status = error.statusCode;
    // core-client keeps the parsed error body (and some headers) in `details`.
    const body = errorResponseSchema.safeParse(error.details);
    const headers = error.response?.headers;
    const requestId = headers?.get("apim-request-id") ?? headers?.get("x-ms-request-id");
    return new LanguageApiError({
        ...details,
        status,
        code: body.success
            ? body.data.error.code
            : (error.code ?? (status === undefined ? "NetworkError" : `Http${status}`)),
        serviceMessage: clean(error.message),
        innerCodes: body.success ? innerCodesOf(body.data.error) : [],
        ...(requestId && { requestId }),
        isRetryable: status === undefined || regionStatuses.has(status),
    });
}
