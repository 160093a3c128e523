import * as path from "node:path";
import {
    type JobTiming,
    type RateLimits,
    type RunningAzurite,
    type RunningEmulator,
    startAzurite,
    startEmulator,
    wellKnownKeys,
} from "../../emulator";
import { localPorts, localRateLimits } from "../../stacks/local/settings";

export interface LocalServicesOptions {
    /** Where the emulator and Azurite keep their state between runs; in memory when absent. */
    dataDir?: string;
    /** The local stack's fixed ports by default; 0 picks free ones. */
    ports?: { emulator: number; azurite: number };
    jobTiming?: JobTiming;
    rateLimits?: RateLimits;
}

export interface LocalServices {
    emulator: RunningEmulator;
    azurite: RunningAzurite;
    stop(): Promise<void>;
}

/** Jobs take a couple of seconds, as a small project does on the real service. */
const localJobTiming: JobTiming = { mode: "afterMs", ms: 2_000 };

/**
 * Starts Azurite and the Language authoring emulator on loopback, persistent in `dataDir` if given:
 * a primary in westeurope and a secondary in northeurope, linked to the same storage account
 * as Microsoft recommends for custom text projects.
 */
export async function startLocalServices(options: LocalServicesOptions = {}): Promise<LocalServices> {
    const ports = options.ports ?? localPorts;
    // Azurite and the emulator each create their folder.
    const dataDir = (name: string) => options.dataDir && path.join(options.dataDir, name);
    const azurite = await startAzurite({ port: ports.azurite, location: dataDir("azurite") }).catch(
        portInUse("Azurite", ports.azurite),
    );
    const storage = { connectionString: azurite.connectionString };
    try {
        const emulator = await startEmulator({
            port: ports.emulator,
            dataDir: dataDir("emulator"),
            resources: [
                { name: "primary", region: "westeurope", keys: [...wellKnownKeys.primary], storage },
                { name: "secondary", region: "northeurope", keys: [...wellKnownKeys.secondary], storage },
            ],
            jobTiming: options.jobTiming ?? localJobTiming,
            rateLimits: options.rateLimits ?? localRateLimits,
        }).catch(portInUse("the Language emulator", ports.emulator));
        return { emulator, azurite, stop: async () => (await emulator.stop(), await azurite.stop()) };
    } catch (error) {
        await azurite.stop();
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
