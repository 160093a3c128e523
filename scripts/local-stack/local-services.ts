import * as path from "node:path";
import {
    type JobTiming,
    type RateLimits,
    type ResourceDefinition,
    type RunningAzurite,
    type RunningEmulator,
    startAzurite,
    startEmulator,
    wellKnownKeys,
} from "../../emulator";
import {
    type LocalEndpoints,
    type LocalPorts,
    localPorts,
    localRateLimits,
    localStorageAccounts,
} from "../../stacks/local/settings";

export interface LocalServicesOptions {
    /** Where the emulator and Azurite keep their state between runs; in memory when absent. */
    dataDir?: string;
    /** The local stack's fixed ports by default; 0 picks free ones. */
    ports?: LocalPorts;
    jobTiming?: JobTiming;
    rateLimits?: RateLimits;
}

export interface LocalServices {
    emulator: RunningEmulator;
    /** The storage account linked to each resource, each in its own Azurite. */
    storage: { primary: RunningAzurite; secondary: RunningAzurite };
    /** Where they listen, as the program is told. */
    endpoints: LocalEndpoints;
    stop(): Promise<void>;
}

type Side = "primary" | "secondary";

/** Where each of the local stack's Language resources, and the storage account linked to it, lives. */
const regionOf: Record<Side, string> = { primary: "westeurope", secondary: "northeurope" };

/** Azurite's data folder for the storage account of a side's region, inside `dataDir`. */
const storageFolderOf = (side: Side) => `storage-${regionOf[side]}`;

/** The primary's storage folder, where the local stack's sample documents are uploaded. */
export const primaryStorageFolder = storageFolderOf("primary");

/** Ports the system picks, for tests and benchmarks that run beside `npm start`. */
export const freePorts: LocalPorts = { emulator: 0, primaryStorage: 0, secondaryStorage: 0 };

/** Jobs take a couple of seconds, as a small project does on the real service. */
const localJobTiming: JobTiming = { mode: "afterMs", ms: 2_000 };

/**
 * Starts the Language emulator and two Azurites on loopback, persistent in `dataDir` if given: a
 * primary in westeurope and a secondary in northeurope, each linked to a storage account of its
 * own region (Azurite's data folders `storage-westeurope` and `storage-northeurope`). Custom text
 * replicas copy their documents from the one to the other.
 */
export async function startLocalServices(options: LocalServicesOptions = {}): Promise<LocalServices> {
    const ports = options.ports ?? localPorts;
    // Azurite and the emulator each create their folder.
    const dataDir = (name: string) => options.dataDir && path.join(options.dataDir, name);
    const started: { stop(): Promise<void> }[] = [];
    const stop = async () => {
        for (const service of started.reverse()) await service.stop();
    };
    try {
        const storageOf = async (side: Side, port: number) => {
            const azurite = await startAzurite({
                port,
                location: dataDir(storageFolderOf(side)),
                accounts: [localStorageAccounts[side]],
            }).catch(portInUse(`Azurite (${regionOf[side]})`, port));
            started.push(azurite);
            return azurite;
        };
        // Side by side: each takes a few hundred milliseconds to come up, on every local command.
        const [primary, secondary] = await Promise.all([
            storageOf("primary", ports.primaryStorage),
            storageOf("secondary", ports.secondaryStorage),
        ]);
        const storage = { primary, secondary };
        const resourceOf = (side: Side): ResourceDefinition => ({
            name: side,
            region: regionOf[side],
            keys: [...wellKnownKeys[side]],
            storage: { connectionString: storage[side].connectionString },
        });
        const emulator = await startEmulator({
            port: ports.emulator,
            dataDir: dataDir("emulator"),
            resources: [resourceOf("primary"), resourceOf("secondary")],
            jobTiming: options.jobTiming ?? localJobTiming,
            rateLimits: options.rateLimits ?? localRateLimits,
        }).catch(portInUse("the Language emulator", ports.emulator));
        started.push(emulator);
        const endpoints = {
            emulator: emulator.url,
            primaryStorage: storage.primary.blobEndpoint,
            secondaryStorage: storage.secondary.blobEndpoint,
        };
        return { emulator, storage, endpoints, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}

/** A busy fixed port almost always means the local stack's services are running already. */
function portInUse(service: string, port: number): (error: NodeJS.ErrnoException) => never {
    return (error) => {
        if (error.code !== "EADDRINUSE") throw error;
        throw new Error(
            `${service} cannot listen on 127.0.0.1:${port}, which is in use: is \`npm run local -- serve\` ` +
                "or another `npm run local` still running? Stop it, or use its services with pulumi directly (see README)",
        );
    };
}
