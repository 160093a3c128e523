import type { RuntimeApiVersion } from "../../provider/contract";
import type { RuntimeApi } from "./runtime-context";

/** What differs between the runtime api-versions the emulator serves. */
export interface RuntimeVersion {
    readonly apiVersion: RuntimeApiVersion;
    /** Service errors carry `x-ms-error-code` (declared by the TypeSpec-generated specs). */
    readonly errorCodeHeader: boolean;
}

const versionsTable: Readonly<Record<RuntimeApi, Readonly<Partial<Record<string, RuntimeVersion>>>>> = {
    "analyze-conversations": {
        // The hand-written 2022-05-01 spec declares no x-ms-error-code header.
        "2022-05-01": { apiVersion: "2022-05-01", errorCodeHeader: false },
        "2023-04-01": { apiVersion: "2023-04-01", errorCodeHeader: true },
        "2024-11-01": { apiVersion: "2024-11-01", errorCodeHeader: true },
    },
    "analyze-text": {
        "2023-04-01": { apiVersion: "2023-04-01", errorCodeHeader: true },
        "2025-11-01": { apiVersion: "2025-11-01", errorCodeHeader: true },
    },
};

/** `undefined` when that runtime API does not serve the api-version (the request then gets a 404). */
export function resolveRuntimeVersion(api: RuntimeApi, requested: string | null): RuntimeVersion | undefined {
    return requested === null ? undefined : versionsTable[api][requested];
}
