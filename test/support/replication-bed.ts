import * as fs from "node:fs";
import * as path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { EmulatorAdminClient, type JobTiming, type RunningEmulator, wellKnownKeys } from "../../emulator";
import { freePorts, type LocalServices, startLocalServices } from "../../scripts/local-stack/local-services";
import { familyOfKind, type ProjectKind } from "../../provider/contract";
import { openOfflineStack } from "../../scripts/pulumi/offline-workspace";
import { repoRoot } from "../../scripts/pulumi/offline-environment";
import type { LocalResources } from "../../stacks/local/program";
import { sampleProjects } from "../../stacks/local/samples";
import { sampleContainerName } from "../../stacks/local/samples/sample-project";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { localResources, localStorageAccounts } from "../../stacks/local/settings";
import { LanguageApi } from "../contract/emulator/support/language-api";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { writesToPrimary } from "./primary-guard";
import { RecordingProxy } from "./recording-proxy";

/** Generous limits: these tests are about replication, the limiter has tests of its own. */
const rateLimits = { readsPerMinute: 6_000, writesPerMinute: 600 };

/**
 * The emulator and each region's Azurite on loopback, the primary seeded with every sample project
 * and its request log cleared, so the log holds only what the provider sent afterwards. The
 * provider reaches each storage account through a recording proxy: what reached the primary's
 * storage, and every copy into the secondary's, is counted there.
 */
export class ReplicationBed {
    private constructor(
        private readonly services: LocalServices,
        readonly admin: EmulatorAdminClient,
        readonly workDir: string,
        /** In front of the primary's and the secondary's storage, as the provider reaches them. */
        readonly storageProxies: { primary: RecordingProxy; secondary: RecordingProxy },
    ) {}

    get emulator(): RunningEmulator {
        return this.services.emulator;
    }

    static async start(jobTiming: JobTiming = { mode: "afterPolls", polls: 2 }): Promise<ReplicationBed> {
        const services = await startLocalServices({ ports: freePorts, jobTiming, rateLimits });
        const origin = (blobEndpoint: string) => new URL(blobEndpoint).origin;
        const storageProxies = {
            primary: await RecordingProxy.start(origin(services.storage.primary.blobEndpoint)),
            secondary: await RecordingProxy.start(origin(services.storage.secondary.blobEndpoint)),
        };
        const bed = new ReplicationBed(
            services,
            new EmulatorAdminClient(services.emulator.url),
            makeWorkDir(),
            storageProxies,
        );
        const primary = { ...bed.resources().primary, storageConnectionString: bed.primaryStorageConnectionString };
        await seedPrimary(primary, sampleProjects, () => undefined);
        await bed.admin.clearRequests();
        return bed;
    }

    /** The two resources and their storage as the program gets them (storage through the proxies), polling fast. */
    resources(): LocalResources {
        const resources = localResources({
            emulator: this.emulator.url,
            primaryStorage: `${this.storageProxies.primary.url}/${localStorageAccounts.primary.name}`,
            secondaryStorage: `${this.storageProxies.secondary.url}/${localStorageAccounts.secondary.name}`,
        });
        return { ...resources, rateLimits, polling: { initialIntervalMs: 20, maxIntervalMs: 100 } };
    }

    /** The inputs every replica of this bed shares: both resources, the rate limits and fast polling. */
    connections() {
        const { primary, secondary, rateLimits, polling } = this.resources();
        return { primary, secondary, rateLimits, polling };
    }

    /** A text replica's `documents` input: copied from the primary's storage to the secondary's. */
    documents() {
        const { storage } = this.resources();
        return { source: { connectionString: storage.primary }, target: { connectionString: storage.secondary } };
    }

    /** Plain HTTP to the secondary, for checking what the provider left there. */
    secondaryApi(kind: ProjectKind): LanguageApi {
        return new LanguageApi(`${this.emulator.url}/secondary`, wellKnownKeys.secondary[0], familyOfKind(kind));
    }

    /**
     * The requests that would have changed the primary since seeding, or since the last clear:
     * its Language resource (the emulator's log) and its storage (the proxy's).
     */
    async writesToPrimary(): Promise<string[]> {
        const storageWrites = this.storageProxies.primary.writes().map((write) => `storage: ${write}`);
        return [...(await writesToPrimary(this.admin)), ...storageWrites];
    }

    /** The primary's storage, direct (not through the proxy): what a user edits documents with. */
    get primaryStorageConnectionString(): string {
        return this.services.storage.primary.connectionString;
    }

    /** A container of one region's storage account, direct: for editing or checking documents. */
    documentsContainer(side: "primary" | "secondary") {
        return BlobServiceClient.fromConnectionString(this.services.storage[side].connectionString).getContainerClient(
            sampleContainerName,
        );
    }

    /** Takes one region's storage account down for good (Azurite stops; its proxy then drops connections). */
    stopStorage(side: "primary" | "secondary"): Promise<void> {
        return this.services.storage[side].stop();
    }

    /** The file backend of this bed's stacks, inside its folder and removed with it. */
    get stateDir(): string {
        return path.join(this.workDir, "state");
    }

    openStack(stackName: string, program: PulumiFn) {
        return openOfflineStack({
            stackName,
            projectName: "replication-test",
            workDir: this.workDir,
            program,
            stateDir: this.stateDir,
        });
    }

    async stop(): Promise<void> {
        await this.services.stop();
        await Promise.all([this.storageProxies.primary.stop(), this.storageProxies.secondary.stop()]);
        fs.rmSync(this.workDir, { recursive: true, force: true });
    }
}

function makeWorkDir(): string {
    fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
    return fs.mkdtempSync(path.join(repoRoot, ".tmp", "replication-"));
}

/** The keys the tests search for in state, output and logs: the Language resources' and the storage accounts'. */
export const emulatorKeys = [
    ...wellKnownKeys.primary,
    ...wellKnownKeys.secondary,
    localStorageAccounts.primary.key,
    localStorageAccounts.secondary.key,
];
