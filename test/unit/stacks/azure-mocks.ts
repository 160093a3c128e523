import * as pulumi from "@pulumi/pulumi";
import { MockMonitor, type MockCallArgs, type MockResourceArgs } from "@pulumi/pulumi/runtime/mocks";

export const subscriptionId = "11111111-2222-3333-4444-555555555555";
/** Distinct per account, so a test can tell where a key went. */
export const mockKey = (accountName: string) => `key1-of-${accountName}`;
export const replicaType = "pulumi-nodejs:dynamic/language:ReplicatedLanguageProject";

/** One resource registration as the engine would receive it. */
export interface Registration {
    type: string;
    name: string;
    urn: string;
    /** Inputs with every secret unwrapped (the mocks see an object holding a secret as one secret). */
    inputs: Record<string, any>;
    /** Inputs as serialized on the wire, where a secret is a signature-tagged object. */
    wire: Record<string, any>;
    dependencies: string[];
    protect: boolean;
}

export interface Recording {
    registrations: Registration[];
    calls: MockCallArgs[];
}

/** The wire form of a secret (`rpc.specialSecretSig`). */
export function isWireSecret(value: unknown): boolean {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as any)["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270"
    );
}

function unwrapSecrets(value: any): any {
    if (isWireSecret(value)) return unwrapSecrets(value.value);
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unwrapSecrets(item)]));
}

/** What the providers would return: ARM-like ids, names, identities, endpoints and replica outputs. */
function newResource(args: MockResourceArgs): { id: string; state: Record<string, any> } {
    const inputs = args.inputs;
    const id = `/subscriptions/${subscriptionId}/mock/${args.type}/${args.name}`;
    switch (args.type) {
        case "azure-native:resources:ResourceGroup":
            return { id, state: { ...inputs, name: inputs.resourceGroupName } };
        case "azure-native:storage:StorageAccount":
            return {
                id,
                state: {
                    ...inputs,
                    name: inputs.accountName,
                    primaryEndpoints: { blob: `https://${inputs.accountName}.blob.core.windows.net/` },
                },
            };
        case "azure-native:cognitiveservices:Account":
            return {
                id,
                state: {
                    ...inputs,
                    name: inputs.accountName,
                    identity: {
                        ...inputs.identity,
                        principalId: `principal-of-${inputs.accountName}`,
                        tenantId: "tenant",
                    },
                    properties: {
                        ...inputs.properties,
                        endpoint: `https://${inputs.properties.customSubDomainName}.cognitiveservices.azure.com/`,
                    },
                },
            };
        case "azure-native:storage:BlobContainer":
            return { id, state: { ...inputs, name: inputs.containerName } };
        case replicaType:
            return {
                id: `replica-${args.name}`,
                state: {
                    ...inputs,
                    deploymentName: inputs.deploymentName ?? "production",
                    deployment: { name: inputs.deploymentName ?? "production", modelId: `model-of-${args.name}` },
                    lastSyncedAt: "2025-01-02T03:04:05Z",
                    syncedRevision: {
                        lastModifiedDateTime: "2025-01-01T00:00:00Z",
                        contentHash: `hash-of-${args.name}`,
                    },
                },
            };
        default:
            return { id, state: inputs };
    }
}

function call(args: MockCallArgs): Record<string, unknown> {
    switch (args.token) {
        case "azure-native:authorization:getClientConfig":
            return { subscriptionId, tenantId: "tenant", clientId: "client", objectId: "deployer-object" };
        case "azure-native:cognitiveservices:listAccountKeys":
            return { key1: mockKey(args.inputs.accountName), key2: "unused-key2" };
        default:
            throw new Error(`unexpected invoke ${args.token}`);
    }
}

const originalRegister = MockMonitor.prototype.registerResource;

/**
 * Installs fresh mocks and returns what the program registers and invokes. The monitor's
 * registerResource is wrapped because the mocks' newResource is not told a resource's
 * dependencies, protection or which inputs were secret; the request carries all three.
 */
export async function installMocks(): Promise<Recording> {
    const recording: Recording = { registrations: [], calls: [] };
    MockMonitor.prototype.registerResource = async function (this: MockMonitor, req: any, callback: any) {
        return originalRegister.call(this, req, (error: unknown, response: any) => {
            if (response !== undefined) {
                recording.registrations.push({
                    type: req.getType(),
                    name: req.getName(),
                    urn: response.getUrn(),
                    inputs: unwrapSecrets(pulumi.runtime.deserializeProperties(req.getObject())),
                    wire: req.getObject().toJavaScript(),
                    dependencies: req.getDependenciesList(),
                    protect: req.getProtect(),
                });
            }
            callback(error, response);
        });
    };
    await pulumi.runtime.setMocks(
        {
            newResource,
            call: (args) => {
                recording.calls.push(args);
                return call(args);
            },
        },
        "replicated-language",
        "azure",
        false,
    );
    return recording;
}

/** Undoes installMocks for whatever runs next in this process. */
export function removeMocks(): void {
    MockMonitor.prototype.registerResource = originalRegister;
    pulumi.runtime.setAllConfig({});
}

/** The value of an output (or a structure holding outputs) once the mocks have answered. */
export function resolve<T>(value: pulumi.Input<T>): Promise<pulumi.Unwrap<T>> {
    return new Promise((done) => pulumi.output(value).apply((resolved) => done(resolved)));
}
