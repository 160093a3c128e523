import type { VersionFeatures } from "../api/api-version-features";
import { regionDisplayName } from "../config/region-names";
import { newRequestId } from "../domain/identifiers";
import { httpErrors, ServiceError } from "../errors";
import type { HttpResponse } from "./messages";

/** Where a service answer comes from, for the headers the service stamps on every answer. */
export interface AnswerContext {
    /** The resource's region id, e.g. `westeurope`. */
    readonly region: string;
    /** `performance.now()` when the request reached the resource. */
    readonly startedAt: number;
}

// Unverified: the value Azure's front door usually sends; the service's own was not captured.
const strictTransportSecurity = "max-age=31536000; includeSubDomains; preload";

/**
 * What the service (behind its gateway) puts on every answer, success or error: one request id
 * under two names, the readable region, the time the upstream took, and the gateway's security
 * and CORS headers. Names are spelled as the service spells them on the wire.
 */
function serviceHeaders(context: AnswerContext | undefined): Record<string, string> {
    const requestId = newRequestId();
    if (context === undefined) {
        return { "apim-request-id": requestId };
    }
    return {
        "apim-request-id": requestId,
        "request-id": requestId,
        "x-envoy-upstream-service-time": String(Math.max(0, Math.round(performance.now() - context.startedAt))),
        "x-ms-region": regionDisplayName(context.region),
        "Strict-Transport-Security": strictTransportSecurity,
        "X-Content-Type-Options": "nosniff",
        "Access-Control-Expose-Headers": "*",
    };
}

/**
 * The answer for an error. The gateway answers unknown routes bare and a failed key check with
 * nothing but its `apim-request-id`; service errors carry the service's headers, and
 * `x-ms-error-code` where the api-version's spec declares it.
 */
export function errorAnswer(
    error: ServiceError,
    features: Pick<VersionFeatures, "errorCodeHeader"> | undefined,
    context?: AnswerContext,
): HttpResponse {
    const headers: Record<string, string> = { ...error.headers };
    if (error.origin === "auth") {
        headers["apim-request-id"] = newRequestId();
    }
    if (error.origin === "service") {
        Object.assign(headers, serviceHeaders(context));
        if (features?.errorCodeHeader === true) {
            headers["x-ms-error-code"] = error.detail.code;
        }
    }
    return { status: error.status, headers, body: { error: error.detail } };
}

/** A successful service answer, stamped like the service stamps every answer. */
export function serviceAnswer(response: HttpResponse, context: AnswerContext): HttpResponse {
    return { ...response, headers: { ...response.headers, ...serviceHeaders(context) } };
}

/** Anything thrown that is not a ServiceError is an emulator bug: a 500 that says so. */
export function asServiceError(error: unknown): ServiceError {
    if (error instanceof ServiceError) {
        return error;
    }
    console.error("language emulator: unexpected error", error);
    return httpErrors.internal(`The emulator failed: ${error instanceof Error ? error.message : String(error)}`);
}
