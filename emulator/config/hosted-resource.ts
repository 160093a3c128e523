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

/** A Host header naming a loopback address, as the emulator can be reached under several. */
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * The resource's endpoint as a request addressed it: status URLs and next links must point
 * back at the host the client used (as the service's do), or a client that called
 * `http://localhost:<port>` would be handed `127.0.0.1` and rightly refuse to send its key there.
 */
export function addressedEndpoint(resource: HostedResource, host: string | undefined): string {
    return host !== undefined && loopbackHost.test(host) ? `http://${host}/${resource.name}` : resource.endpoint;
}
