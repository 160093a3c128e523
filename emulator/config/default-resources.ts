import type { ResourceDefinition } from "./resources";

/**
 * Well-known keys of the default emulator resources, like Azurite's `devstoreaccount1` key: they are
 * public, printed in this file on purpose, and only ever valid against the local emulator.
 */
export const wellKnownKeys = {
    primary: ["e1a0c0de000000000000000000000001", "e1a0c0de000000000000000000000002"],
    secondary: ["e1a0c0de000000000000000000000003", "e1a0c0de000000000000000000000004"],
} as const;

/** A primary/secondary pair in two paired regions: what a replication scenario needs out of the box. */
export function defaultResources(): ResourceDefinition[] {
    return [
        { name: "primary", region: "westeurope", keys: [...wellKnownKeys.primary] },
        { name: "secondary", region: "northeurope", keys: [...wellKnownKeys.secondary] },
    ];
}
