import * as fs from "node:fs";
import * as path from "node:path";
import {
    type JobTiming,
    type RunningAzurite,
    type RunningEmulator,
    startAzurite,
    startEmulator,
    wellKnownKeys,
} from "../../emulator";
import { localPorts, localRateLimits } from "../../stacks/local/settings";

export interface LocalServicesOptions {
    /** Where the emulator and Azurite keep their state between runs. */
    dataDir: string;
    ports?: { emulator: number; azurite: number };
    jobTiming?: JobTiming;
}

export interface LocalServices {
    emulator: RunningEmulator;
    azurite: RunningAzurite;
    stop(): Promise<void>;
}

/** Jobs take a couple of seconds, as a small project does on the real service. */
const localJobTiming: JobTiming = { mode: "afterMs", ms: 2_000 };

/**
 * Starts Azurite and the Language authoring emulator on loopback, both persistent in `dataDir`:
 * a primary in westeurope and a secondary in northeurope, linked to the same storage account
 * as Microsoft recommends for custom text projects.
 */
export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
    const ports = options.ports ?? localPorts;
    const azuriteDir = path.join(options.dataDir, "azurite");
    fs.mkdirSync(azuriteDir, { recursive: true });
    const azurite = await startAzurite({ port: ports.azurite, location: azuriteDir });
    const storage = { connectionString: azurite.connectionString };
    try {
        const emulator = await startEmulator({
            port: ports.emulator,
            dataDir: path.join(options.dataDir, "emulator"),
            resources: [
                { name: "primary", region: "westeurope", keys: [...wellKnownKeys.primary], storage },
                { name: "secondary", region: "northeurope", keys: [...wellKnownKeys.secondary], storage },
            ],
            jobTiming: options.jobTiming ?? localJobTiming,
            rateLimits: localRateLimits,
        });
        return { emulator, azurite, stop: async () => (await emulator.stop(), await azurite.stop()) };
    } catch (error) {
        await azurite.stop();
        throw error;
    }
}
