import { AuthoringClient } from "../../provider/client/authoring-client";
import { systemClock } from "../../provider/client/clock";
import { LanguageTransport } from "../../provider/client/transport";
import { type ExportedProject, familyOfKind } from "../../provider/contract";
import { awaitImport, startImport } from "../../provider/operations/import-project";
import type { OperationContext } from "../../provider/operations/operation-context";
import { sampleProjects } from "../../stacks/local/samples";
import { uploadMissingDocuments } from "../../stacks/local/seed-primary";

export interface SeedTarget {
    endpoint: string;
    key: string;
    storageConnectionString: string;
}

/** Imports at a time: enough to seed a fleet in seconds, few enough not to swamp two cores. */
const concurrency = 8;

/**
 * Plays the users who built a fleet on the primary: the samples' documents uploaded once, every
 * project imported (neither trained nor deployed: the benchmark's replicas name their
 * deployment, so the primary needs none). Meant for an emulator without rate limits.
 */
export async function seedProjects(target: SeedTarget, files: readonly ExportedProject[]): Promise<void> {
    for (const { documents } of sampleProjects) {
        if (documents) await uploadMissingDocuments(target.storageConnectionString, documents);
    }
    const transport = new LanguageTransport({
        endpoint: target.endpoint,
        credentials: { kind: "key", key: target.key },
        rateLimits: false,
    });
    const context: OperationContext = {
        clock: systemClock,
        polling: { firstMs: 50, intervalMs: 50, maxMs: 500 },
        deadline: systemClock.now() + 10 * 60_000,
        log: () => undefined,
        progress: () => undefined,
    };
    const queue = [...files];
    const worker = async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
            const { projectName, projectKind } = file.metadata;
            const client = new AuthoringClient(transport, familyOfKind(projectKind), "2023-04-01");
            const { statusUrl } = await startImport(client, projectName, file);
            await awaitImport(client, projectName, statusUrl, context);
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
}
