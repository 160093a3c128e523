import type { ErrorDetail } from "../provider/contract";

/**
 * Who produced an error decides its headers: the gateway in front of the service answers unknown
 * routes bare and a failed key check (`auth`) with only its request id, the service adds its own
 * headers (see http/answers.ts), and the emulator's admin API is no part of the service at all.
 */
export type ErrorOrigin = "gateway" | "auth" | "service" | "admin";

/** Thrown by handlers and answered by the pipeline; the only way the emulator reports an HTTP error. */
export class ServiceError extends Error {
    override readonly name = "ServiceError";

    constructor(
        readonly status: number,
        readonly detail: ErrorDetail,
        readonly origin: ErrorOrigin,
        readonly headers: Readonly<Record<string, string>> = {},
    ) {
        super(detail.message);
    }
}

// Spelled exactly as the Cognitive Services gateway answers (unverified against live, see CONTRACT.md section 1).
const accessDeniedMessage =
    "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";

// Injected server faults answer with the service's own code for the status.
const codeByServerStatus: Readonly<Record<number, string>> = {
    500: "InternalServerError",
    503: "ServiceUnavailable",
    504: "Timeout",
};

function invalidRequestDetail(target: string, message: string, innerCode: string): ErrorDetail {
    return { code: "InvalidRequest", message, target, innererror: { code: innerCode, message, target } };
}

function invalidRequest(target: string, message: string, innerCode: string): ServiceError {
    return new ServiceError(400, invalidRequestDetail(target, message, innerCode), "service");
}

/** Errors in the HTTP answer of a request. */
export const httpErrors = {
    /** Missing or wrong key/token: the gateway rejects before the service sees the request. */
    accessDenied: () => new ServiceError(401, { code: "401", message: accessDeniedMessage }, "auth"),

    /**
     * No operation at this path for this api-version (or no api-version at all). Unverified: the
     * gateway's usual `{"error":{"code":"404","message":"Resource not found"}}`, which is also what
     * Cognitive Services users report for a wrong path or version.
     */
    resourceNotFound: () => new ServiceError(404, { code: "404", message: "Resource not found" }, "gateway"),

    projectNotFound: (projectName: string) =>
        new ServiceError(
            404,
            {
                code: "ProjectNotFound",
                message: `The project "${projectName}" could not be found.`,
                target: "projectName",
            },
            "service",
        ),

    notFound: (what: string, name: string) =>
        new ServiceError(404, { code: "NotFound", message: `The ${what} "${name}" could not be found.` }, "service"),

    operationNotFound: (jobId: string) =>
        new ServiceError(
            404,
            { code: "OperationNotFound", message: `The job "${jobId}" could not be found.` },
            "service",
        ),

    /** A request field or query parameter has a bad value; `target` names it. */
    invalidParameter: (target: string, message: string) => invalidRequest(target, message, "InvalidParameterValue"),

    invalidBodyFormat: (message: string) => invalidRequest("body", message, "InvalidRequestBodyFormat"),

    emptyRequest: () => invalidRequest("body", "The request body is empty.", "EmptyRequest"),

    /** A text analysis job without documents. */
    missingDocuments: () =>
        invalidRequest("analysisInput.documents", "The request has no documents to analyze.", "MissingInputDocuments"),

    /** A text analysis job over the documented limits (25 documents, 125,000 text elements in all). */
    invalidDocumentBatch: (message: string) =>
        invalidRequest("analysisInput.documents", message, "InvalidDocumentBatch"),

    /** A text analysis job whose documents cannot be told apart. */
    duplicateDocumentIds: (id: string) =>
        invalidRequest(
            "analysisInput.documents",
            `Request contains duplicated Ids ("${id}"). Make sure each document has a unique Id.`,
            "InvalidDocument",
        ),

    unsupportedMediaType: (expected: string, received: string) =>
        new ServiceError(
            415,
            invalidRequestDetail(
                "Content-Type",
                `Content-Type must be ${expected}, received "${received}".`,
                "InvalidRequestBodyFormat",
            ),
            "service",
        ),

    conflict: (message: string) => new ServiceError(409, { code: "Conflict", message }, "service"),

    tooManyRequests: (retryAfterSeconds: number) =>
        new ServiceError(
            429,
            {
                code: "TooManyRequests",
                message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
            },
            "service",
            { "retry-after": String(retryAfterSeconds) },
        ),

    /** An injected 5xx (see admin/faults.ts). */
    serverFault: (status: number) =>
        new ServiceError(
            status,
            {
                code: codeByServerStatus[status] ?? "InternalServerError",
                message: `The service failed to process the request (HTTP ${status}).`,
            },
            "service",
        ),

    internal: (message: string) => new ServiceError(500, { code: "InternalServerError", message }, "service"),

    /** An injected gateway error that repeats the request it refused, headers (credentials too) and body. */
    echoedRequest: (status: number, request: { method: string; path: string; headers: object; body: string }) =>
        new ServiceError(
            status,
            {
                code: "GatewayError",
                message:
                    `The gateway refused ${request.method} ${request.path}. ` +
                    `Request headers: ${JSON.stringify(request.headers)}. Request body: ${request.body}`,
            },
            "service",
        ),
};

/** Errors inside a failed job's `errors` array (the trigger already answered 202). */
export const jobErrors = {
    invalidAsset: (target: string, message: string): ErrorDetail =>
        invalidRequestDetail(target, message, "InvalidParameterValue"),

    invalidDocument: (target: string, message: string): ErrorDetail =>
        invalidRequestDetail(target, message, "InvalidDocument"),

    storageNotLinked: (resourceName: string, containerName: string): ErrorDetail =>
        invalidRequestDetail(
            "metadata.storageInputContainerName",
            `The Language resource "${resourceName}" has no linked storage account, so the container "${containerName}" cannot be read.`,
            "InvalidParameterValue",
        ),

    containerNotFound: (resourceName: string, accountName: string, containerName: string): ErrorDetail =>
        invalidRequestDetail(
            "metadata.storageInputContainerName",
            `The container "${containerName}" does not exist in the storage account "${accountName}" linked to the Language resource "${resourceName}".`,
            "InvalidParameterValue",
        ),

    storageUnreachable: (resourceName: string, accountName: string, cause: string): ErrorDetail => ({
        code: "InternalServerError",
        message: `The storage account "${accountName}" linked to the Language resource "${resourceName}" could not be read: ${cause}`,
    }),

    projectNotFound: (projectName: string): ErrorDetail => ({
        code: "ProjectNotFound",
        message: `The project "${projectName}" could not be found.`,
    }),

    notFound: (what: string, name: string): ErrorDetail => ({
        code: "NotFound",
        message: `The ${what} "${name}" could not be found.`,
    }),

    conflict: (message: string): ErrorDetail => ({ code: "Conflict", message }),

    /** A runtime task names a project of another kind than the task needs. */
    invalidTaskParameter: (target: string, message: string): ErrorDetail =>
        invalidRequestDetail(target, message, "InvalidParameterValue"),

    /** A failure injected through the admin API, spelled as the test asked. */
    injected: (code: string, message: string): ErrorDetail => ({ code, message }),

    internal: (message: string): ErrorDetail => ({ code: "InternalServerError", message }),
};

/**
 * Errors of one document in a runtime text task's `errors` (the other documents are analyzed).
 * Unverified: spelled as Text Analytics answers them for its prebuilt tasks.
 */
export const documentErrors = {
    emptyText: (): ErrorDetail => ({
        code: "InvalidArgument",
        message: "Invalid document in request.",
        innererror: { code: "InvalidDocument", message: "Document text is empty." },
    }),

    unsupportedLanguage: (language: string): ErrorDetail => ({
        code: "InvalidArgument",
        message: "Invalid Language Code.",
        innererror: {
            code: "UnsupportedLanguageCode",
            message: `Invalid language code "${language}": it is not supported by custom text projects.`,
        },
    }),
};

/** Errors of the admin API (`/_emulator/...`), in the same envelope for uniform client handling. */
export const adminErrors = {
    badRequest: (message: string) => new ServiceError(400, { code: "BadRequest", message }, "admin"),
    notFound: (message: string) => new ServiceError(404, { code: "NotFound", message }, "admin"),
};
