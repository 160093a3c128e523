import { AuthoringClient } from "../../provider/client/authoring-client";
import { LanguageTransport } from "../../provider/client/transport";
import type { TransportIo } from "../../provider/lifecycle/connections";
import { systemClock } from "../../provider/client/clock";
import { familyOfKind } from "../../provider/contract";
import { awaitDeploy, startDeploy } from "../../provider/operations/deploy-model";
import { awaitImport, startImport } from "../../provider/operations/import-project";
import type { OperationContext } from "../../provider/operations/operation-context";
import { awaitTraining, startTraining } from "../../provider/operations/train-model";
import { sampleContainerName, sampleDeploymentName, type SampleProject } from "./samples";

export interface SeedTarget {
    endpoint: string;
    key: string;
    /** The storage account linked to the primary, where text documents are uploaded. */
    storageConnectionString: string;
    /**
     * `false` when the storage is known to hold the documents already (the local runner's, kept
     * from the run that seeded it): then they are listed only if a project is to be seeded, and an
     * everyday command does not load the storage SDK. Listed by default.
     */
    storageMayLackDocuments?: boolean;
}

/**
 * Plays the user who built the projects on the primary: uploads the documents its storage lacks,
 * imports, trains and deploys every sample the primary does not have yet. Idempotent, so running
 * the local stack again finds the primary unchanged and the replicas in sync; a document edited
 * in storage stays as edited. `io` lets fast tests seed an emulator running in process.
 */
export async function seedPrimary(
    target: SeedTarget,
    samples: readonly SampleProject[],
    log: (line: string) => void,
    io: TransportIo = {},
): Promise<void> {
    const clock = io.clock ?? systemClock;
    const transport = new LanguageTransport({
        endpoint: target.endpoint,
        credentials: { kind: "key", key: target.key },
        rateLimits: false,
        ...io,
    });
    const context: OperationContext = {
        clock,
        polling: { firstMs: 100, intervalMs: 100, maxMs: 1000 },
        deadline: clock.now() + 10 * 60_000,
        log,
        // One line per project is enough: its jobs' progress would drown the replication that follows.
        progress: () => undefined,
    };
    const clientOf = (sample: SampleProject) =>
        new AuthoringClient(transport, familyOfKind(sample.file.metadata.projectKind), "2023-04-01");
    // What is missing, asked all at once: an everyday command finds everything there. The
    // documents go up before any project is seeded, and also when storage is new: a primary kept
    // from before its storage moved finds its documents again.
    const clients = samples.map(clientOf);
    const missing = await Promise.all(
        samples.map(async (sample, index) => !(await clients[index]!.findProject(sample.file.metadata.projectName))),
    );
    const documents = Object.assign({}, ...samples.map((sample) => sample.documents ?? {}));
    const mayLackDocuments = target.storageMayLackDocuments !== false || missing.includes(true);
    if (mayLackDocuments && Object.keys(documents).length > 0) {
        await uploadMissingDocuments(target.storageConnectionString, documents);
    }
    for (const [index, sample] of samples.entries()) {
        if (!missing[index]) continue;
        const { projectName, projectKind } = sample.file.metadata;
        const client = clients[index]!;
        log(`seeding the primary with ${projectKind} project "${projectName}"`);
        await awaitImport(
            client,
            projectName,
            (await startImport(client, projectName, sample.file)).statusUrl,
            context,
        );
        const training = { modelLabel: sampleDeploymentName, trainingConfigVersion: "latest" };
        await awaitTraining(
            client,
            projectName,
            (await startTraining(client, projectName, projectKind, training)).statusUrl,
            context,
        );
        const deploy = await startDeploy(client, projectName, sampleDeploymentName, sampleDeploymentName);
        await awaitDeploy(client, projectName, sampleDeploymentName, deploy.statusUrl, context);
    }
}

/** Uploads the text documents the primary's linked storage lacks into the samples' container, creating it if needed. */
export async function uploadMissingDocuments(
    connectionString: string,
    documents: Record<string, string>,
): Promise<void> {
    // Loaded only when a text sample is seeded: an everyday command finds the primary seeded already.
    const { BlobServiceClient }: typeof import("@azure/storage-blob") = require("@azure/storage-blob");
    const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(sampleContainerName);
    await container.createIfNotExists();
    const present = new Set<string>();
    for await (const blob of container.listBlobsFlat()) present.add(blob.name);
    for (const [location, text] of Object.entries(documents)) {
        if (!present.has(location)) await container.getBlockBlobClient(location).upload(text, Buffer.byteLength(text));
    }
}
