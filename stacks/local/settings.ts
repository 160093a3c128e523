import { wellKnownKeys } from "../../emulator";
import type { LocalResources } from "./program";

/** Fixed ports, so endpoints (and so the replicas' identity in state) stay the same across runs. */
export const localPorts = { emulator: 47820, azurite: 47821 };

/**
 * The two resources of the local emulator as the program sees them. The keys are the emulator's
 * published well-known keys (like Azurite's), valid nowhere else; the resource still keeps them
 * secret in state. The emulator allows 10x the documented request rates so the demo is quick.
 */
export function localResources(emulatorUrl = `http://127.0.0.1:${localPorts.emulator}`): LocalResources {
    return {
        primary: { endpoint: `${emulatorUrl}/primary`, key: wellKnownKeys.primary[0] },
        secondary: { endpoint: `${emulatorUrl}/secondary`, key: wellKnownKeys.secondary[0] },
        rateLimits: localRateLimits,
        polling: { initialIntervalMs: 250, maxIntervalMs: 2_000 },
    };
}

/** The environment variable through which the local runner tells the program the emulator's URL. */
export const emulatorUrlVariable = "REPLICATED_LANGUAGE_EMULATOR_URL";

export const localRateLimits = { readsPerMinute: 1_000, writesPerMinute: 100 };
