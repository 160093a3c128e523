#!/usr/bin/env node
import * as path from "node:path";
import { parseArgs } from "node:util";
import { defaultResources } from "./config/default-resources";
import { loadResourcesFile, type ResourceDefinition } from "./config/resources";
import { startEmulator } from "./start-emulator";
import { startAzurite, type RunningAzurite } from "./storage/azurite";

const usage = `Usage: language-emulator --port <port> [--resources <file>] [--data-dir <dir>]

  --port       port on 127.0.0.1 (0 picks a free one)
  --resources  JSON file {"resources":[{"name","region","keys":[k1,k2],"storage"?:{"connectionString"},"entraTokens"?:[...]}]}
               without it: "primary" (westeurope) and "secondary" (northeurope), each with the
               well-known keys of emulator/config/default-resources.ts and its own Azurite blob storage
  --data-dir   keep projects, jobs, models and deployments (and the default Azurite blobs) across restarts`;

/** The standalone Language authoring emulator; prints where each resource lives, never its keys. */
async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            port: { type: "string" },
            resources: { type: "string" },
            "data-dir": { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help === true) {
        console.log(usage);
        return;
    }
    const port = Number(values.port ?? "0");
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port must be a port number, got "${values.port}"\n\n${usage}`);
    }
    const dataDir = values["data-dir"] === undefined ? undefined : path.resolve(values["data-dir"]);
    const storages: RunningAzurite[] = [];
    let resources: ResourceDefinition[];
    if (values.resources === undefined) {
        resources = [];
        for (const resource of defaultResources()) {
            const storage = await startAzurite(
                dataDir === undefined ? {} : { location: path.join(dataDir, "azurite", resource.name) },
            );
            storages.push(storage);
            resources.push({ ...resource, storage: { connectionString: storage.connectionString } });
        }
    } else {
        resources = await loadResourcesFile(values.resources);
    }
    const emulator = await startEmulator({ port, resources, ...(dataDir === undefined ? {} : { dataDir }) });
    console.log(
        `Language authoring emulator on ${emulator.url}${dataDir === undefined ? " (in memory)" : ` (data in ${dataDir})`}`,
    );
    for (const [index, resource] of emulator.resources.entries()) {
        const storage = storages[index];
        console.log(
            `  ${resource.name.padEnd(12)} ${resource.region.padEnd(14)} ${resource.endpoint}${storage === undefined ? "" : `  storage ${storage.blobEndpoint}`}`,
        );
    }
    console.log(`  admin API    ${emulator.url}/_emulator`);
    const shutDown = () => {
        void Promise.all([emulator.stop(), ...storages.map((storage) => storage.stop())]).then(() => process.exit(0));
    };
    process.once("SIGINT", shutDown);
    process.once("SIGTERM", shutDown);
}

main().catch((error: unknown) => {
    console.error(`language emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
