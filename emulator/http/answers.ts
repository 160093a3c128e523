import { newRequestId } from "../domain/identifiers";
import { httpErrors, ServiceError } from "../errors";
import type { VersionFeatures } from "../api/api-version-features";
import type { HttpResponse } from "./messages";

/**
 * The answer for an error. Gateway errors carry no service headers at all (the real 401 has
 * almost none); service errors carry `apim-request-id`, and `x-ms-error-code` where the
 * api-version's spec declares it.
 */
export function errorAnswer(
    error: ServiceError,
    features: Pick<VersionFeatures, "errorCodeHeader"> | undefined,
): HttpResponse {
    const headers: Record<string, string> = { ...error.headers };
    if (error.origin === "service") {
        headers["apim-request-id"] = newRequestId();
        if (features?.errorCodeHeader === true) {
            headers["x-ms-error-code"] = error.detail.code;
        }
    }
    return { status: error.status, headers, body: { error: error.detail } };
}

/** A successful service answer, stamped like the service stamps every answer. */
export function serviceAnswer(response: HttpResponse): HttpResponse {
    return { ...response, headers: { ...response.headers, "apim-request-id": newRequestId() } };
}

/** Anything thrown that is not a ServiceError is an emulator bug: a 500 that says so. */
export function asServiceError(error: unknown): ServiceError {
    if (error instanceof ServiceError) {
        return error;
    }
    console.error("language emulator: unexpected error", error);
    return httpErrors.internal(`The emulator failed: ${error instanceof Error ? error.message : String(error)}`);
}
