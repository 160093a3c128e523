import type { HttpResponse } from "./http-send";
import { LanguageApiError } from "./language-api-error";
import type { CallRequest, LanguageTransport } from "./transport";

/**
 * Where to poll the job a trigger started. Text training is documented with `location`,
 * everything else (authoring and runtime jobs) with `operation-location`.
 */
export function statusUrlOf(response: HttpResponse, request: CallRequest, transport: LanguageTransport): string {
    const statusUrl = response.headers["operation-location"] ?? response.headers["location"];
    if (statusUrl) return statusUrl;
    throw new LanguageApiError({
        operation: request.operation,
        resource: transport.resourceLabel,
        status: response.status,
        code: "MissingOperationLocation",
        serviceMessage: "the service accepted the request but sent no operation-location header to poll",
        innerCodes: [],
        isRetryable: false,
    });
}
