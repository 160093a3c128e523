import { ContainerClient } from "@azure/storage-blob";
import type { ApiFamily } from "../../../../provider/contract";
import { EmulatorAdminClient } from "../../../../emulator/admin-client";
import {
    startEmulator,
    type EmulatorOptions,
    type EmulatorResource,
    type RunningEmulator,
} from "../../../../emulator/start-emulator";
import { startAzurite, type RunningAzurite } from "../../../../emulator/storage/azurite";
import { LanguageApi } from "./language-api";
import { RuntimeApi } from "./runtime-api";

/** An emulator with a primary and a secondary resource, each optionally with its own Azurite. */
export interface TestBed {
    readonly emulator: RunningEmulator;
    readonly admin: EmulatorAdminClient;
    /** Connection strings of the linked storage, by resource name. */
    readonly storage: Readonly<Record<string, string>>;
    api(resourceName: string, family: ApiFamily, apiVersion?: string): LanguageApi;
    /** The runtime (prediction) API of a resource. */
    runtime(resourceName: string): RuntimeApi;
    resource(name: string): EmulatorResource;
    stop(): Promise<void>;
}

export interface TestBedOptions extends Partial<EmulatorOptions> {
    /** Give primary and secondary their own Azurite blob storage. */
    readonly withStorage?: boolean;
    /** Bearer tokens both resources accept, standing in for Microsoft Entra ID. */
    readonly entraTokens?: readonly string[];
}

export async function startTestBed(options: TestBedOptions = {}): Promise<TestBed> {
    const { withStorage = false, entraTokens = [], ...emulatorOptions } = options;
    const azurites: RunningAzurite[] = withStorage ? [await startAzurite(), await startAzurite()] : [];
    const storage: Record<string, string> = {};
    const resources = [
        { name: "primary", region: "westeurope", keys: ["primary-key-1", "primary-key-2"] as [string, string] },
        { name: "secondary", region: "northeurope", keys: ["secondary-key-1", "secondary-key-2"] as [string, string] },
    ].map((resource, index) => {
        const azurite = azurites[index];
        const withTokens = { ...resource, entraTokens: [...entraTokens] };
        if (azurite === undefined) {
            return withTokens;
        }
        storage[resource.name] = azurite.connectionString;
        return { ...withTokens, storage: { connectionString: azurite.connectionString } };
    });
    const emulator = await startEmulator({
        port: 0,
        resources,
        rateLimits: false,
        jobTiming: { mode: "afterPolls", polls: 2 },
        ...emulatorOptions,
    });
    const resource = (name: string) => {
        const found = emulator.resources.find((candidate) => candidate.name === name);
        if (found === undefined) {
            throw new Error(`no resource ${name}`);
        }
        return found;
    };
    return {
        emulator,
        admin: new EmulatorAdminClient(emulator.url),
        storage,
        api: (name, family, apiVersion) =>
            new LanguageApi(resource(name).endpoint, resource(name).keys[0], family, apiVersion),
        runtime: (name) => new RuntimeApi(resource(name).endpoint, resource(name).keys[0]),
        resource,
        stop: async () => {
            await emulator.stop();
            await Promise.all(azurites.map((azurite) => azurite.stop()));
        },
    };
}

/** Creates the container (if needed) and uploads the documents into it. */
export async function uploadDocuments(
    connectionString: string,
    container: string,
    documents: Readonly<Record<string, string>>,
): Promise<void> {
    const client = new ContainerClient(connectionString, container);
    await client.createIfNotExists();
    for (const [location, text] of Object.entries(documents)) {
        await client.getBlockBlobClient(location).upload(text, Buffer.byteLength(text));
    }
}
