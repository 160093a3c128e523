import { LinkedStorage } from "../storage/linked-storage";
import type { ResourceDefinition } from "./resources";

/** A Language resource while the emulator serves it: its definition plus what serving needs. */
export interface HostedResource {
    readonly name: string;
    readonly region: string;
    readonly keys: readonly string[];
    readonly entraTokens: readonly string[];
    /** `http://127.0.0.1:<port>/<name>`: what `{Endpoint}` is for this resource. */
    readonly endpoint: string;
    readonly storage: LinkedStorage | undefined;
}

export function hostResource(definition: ResourceDefinition, baseUrl: string): HostedResource {
    return {
        name: definition.name,
        region: definition.region,
        keys: definition.keys,
        entraTokens: definition.entraTokens ?? [],
        endpoint: `${baseUrl}/${definition.name}`,
        storage: definition.storage === undefined ? undefined : new LinkedStorage(definition.storage.connectionString),
    };
}
