import { wellKnownKeys } from "../../emulator";
import type { LocalResources } from "./program";

/** Where the local stack's services listen: the emulator, and one Azurite per region. */
export interface LocalPorts {
    emulator: number;
    primaryStorage: number;
    secondaryStorage: number;
}

/** Fixed ports, so endpoints (and so the replicas' identity in state) stay the same across runs. */
export const localPorts: LocalPorts = { emulator: 47820, primaryStorage: 47821, secondaryStorage: 47822 };

/**
 * The storage account linked to each local Language resource, one per region, each in its own
 * Azurite (a region's outage takes its storage down with it). Like the emulator's keys, these
 * keys are published here on purpose and valid nowhere but the local Azurite.
 */
export const localStorageAccounts = {
    primary: {
        name: "westeuropedocs",
        key: "cmVwbGljYXRlZC1sYW5ndWFnZSB3ZWxsLWtub3duIGxvY2FsIGtleSBvZiB3ZXN0ZXVyb3BlZG9jcy4uLi4uLg==",
    },
    secondary: {
        name: "northeuropedocs",
        key: "cmVwbGljYXRlZC1sYW5ndWFnZSB3ZWxsLWtub3duIGxvY2FsIGtleSBvZiBub3J0aGV1cm9wZWRvY3MuLi4uLg==",
    },
} as const;

/** The base URLs of the local services, as the program is told them. */
export interface LocalEndpoints {
    emulator: string;
    /** Blob endpoints of the two storage accounts (`http://127.0.0.1:<port>/<account>`). */
    primaryStorage: string;
    secondaryStorage: string;
}

/** The endpoints on the fixed ports of `npm start`. */
export function fixedLocalEndpoints(): LocalEndpoints {
    const url = (port: number) => `http://127.0.0.1:${port}`;
    return {
        emulator: url(localPorts.emulator),
        primaryStorage: `${url(localPorts.primaryStorage)}/${localStorageAccounts.primary.name}`,
        secondaryStorage: `${url(localPorts.secondaryStorage)}/${localStorageAccounts.secondary.name}`,
    };
}

/**
 * The two resources of the local emulator and their storage as the program sees them. The keys
 * are published well-known keys (like Azurite's), valid nowhere else; the resource still keeps them
 * secret in state. The emulator allows 10x the documented request rates so the demo is quick.
 */
export function localResources(endpoints: LocalEndpoints = fixedLocalEndpoints()): LocalResources {
    const storage = (account: { name: string; key: string }, blobEndpoint: string) =>
        `DefaultEndpointsProtocol=http;AccountName=${account.name};AccountKey=${account.key};BlobEndpoint=${blobEndpoint};`;
    return {
        primary: { endpoint: `${endpoints.emulator}/primary`, key: wellKnownKeys.primary[0] },
        secondary: { endpoint: `${endpoints.emulator}/secondary`, key: wellKnownKeys.secondary[0] },
        storage: {
            primary: storage(localStorageAccounts.primary, endpoints.primaryStorage),
            secondary: storage(localStorageAccounts.secondary, endpoints.secondaryStorage),
        },
        rateLimits: localRateLimits,
        polling: { initialIntervalMs: 250, maxIntervalMs: 2_000 },
    };
}

/** The environment variable through which the local runner tells the program where the services listen (JSON). */
export const localEndpointsVariable = "REPLICATED_LANGUAGE_LOCAL_ENDPOINTS";

/** The endpoints the local runner passed, or the fixed ones. */
export function localEndpointsFrom(environment: NodeJS.ProcessEnv): LocalEndpoints {
    const given = environment[localEndpointsVariable];
    return given ? (JSON.parse(given) as LocalEndpoints) : fixedLocalEndpoints();
}

export const localRateLimits = { readsPerMinute: 1_000, writesPerMinute: 100 };
