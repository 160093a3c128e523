import { redact, redacted } from "../client/redact";

/**
 * What went wrong with a storage account, in the terms the provider acts on:
 * - `refused`: the credential is wrong or lacks a role (401, 403);
 * - `missing`: the container or blob does not exist (404);
 * - `unreachable`: the account does not answer (network, timeouts, 5xx, throttling after retries),
 *   which during a regional outage is expected and must not fail a preview;
 * - `failed`: anything else the service refused.
 */
export type StorageProblem = "refused" | "missing" | "unreachable" | "failed";

/** One error class for the storage layer, with a message that never holds a key, SAS or token. */
export class StorageError extends Error {
    override readonly name = "StorageError";

    constructor(
        message: string,
        readonly problem: StorageProblem,
        /** The service's error code (`ContainerNotFound`, `CannotVerifyCopySource`, ...) or the network's. */
        readonly code: string | undefined,
        readonly status: number | undefined,
    ) {
        super(message);
    }
}

/** The SDK's error, said as `operation: status code: message`, with every secret removed. */
export function storageErrorOf(error: unknown, operation: string, secrets: readonly string[]): StorageError {
    if (error instanceof StorageError) return error;
    const details = error as { statusCode?: unknown; code?: unknown; message?: unknown; name?: unknown };
    const status = typeof details.statusCode === "number" ? details.statusCode : undefined;
    const code = typeof details.code === "string" ? details.code : undefined;
    const aborted = details.name === "AbortError";
    const firstLine = typeof details.message === "string" ? details.message.split("\n")[0]! : String(error);
    const said = [status, code].filter((part) => part !== undefined).join(" ");
    const message = redactStorage(`${operation}: ${said ? `${said}: ` : ""}${firstLine}`, secrets);
    return new StorageError(message, aborted ? "failed" : problemOf(status), code, status);
}

function problemOf(status: number | undefined): StorageProblem {
    if (status === undefined || status === 408 || status === 429 || status >= 500) return "unreachable";
    if (status === 401 || status === 403) return "refused";
    if (status === 404) return "missing";
    return "failed";
}

/**
 * Removes the given secrets, and any SAS signature or storage key shaped text, from a message:
 * the SDK's messages can carry a request URL, and a SAS in a URL is a credential.
 */
export function redactStorage(text: string, secrets: readonly string[]): string {
    return redact(text, secrets)
        .replace(/([?&;]sig=)[^&\s"';]+/gi, `$1${redacted}`)
        .replace(/((?:AccountKey|SharedAccessSignature)=)[^;\s"']+/gi, `$1${redacted}`);
}
