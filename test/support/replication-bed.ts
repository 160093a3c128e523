import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorAdminClient, type JobTiming, type RunningEmulator, wellKnownKeys } from "../../emulator";
import { type LocalServices, startLocalServices } from "../../scripts/local-stack/local-services";
import { familyOfKind, type ProjectKind } from "../../provider/contract";
import { openOfflineStack, repoRoot } from "../../scripts/pulumi/offline-workspace";
import type { LocalResources } from "../../stacks/local/program";
import { sampleProjects } from "../../stacks/local/samples";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { LanguageApi } from "../contract/emulator/support/language-api";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { writesToPrimary } from "./primary-guard";

/** Generous limits: these tests are about replication, the limiter has tests of its own. */
const rateLimits = { readsPerMinute: 6_000, writesPerMinute: 600 };

/**
 * Azurite and the emulator on loopback, the primary seeded with every sample project and its
 * request log cleared, so the log holds only what the provider sent afterwards.
 */
export class ReplicationBed {
    private constructor(
        private readonly services: LocalServices,
        readonly admin: EmulatorAdminClient,
        readonly workDir: string,
    ) {}

    get emulator(): RunningEmulator {
        return this.services.emulator;
    }

    static async start(jobTiming: JobTiming = { mode: "afterPolls", polls: 2 }): Promise<ReplicationBed> {
        const services = await startLocalServices({ ports: { emulator: 0, azurite: 0 }, jobTiming, rateLimits });
        const bed = new ReplicationBed(services, new EmulatorAdminClient(services.emulator.url), makeWorkDir());
        const primary = { ...bed.resources().primary, storageConnectionString: services.azurite.connectionString };
        await seedPrimary(primary, sampleProjects, () => undefined);
        await bed.admin.clearRequests();
        return bed;
    }

    /** The two resources as the program gets them, polling fast. */
    resources(): LocalResources {
        return {
            primary: { endpoint: `${this.emulator.url}/primary`, key: wellKnownKeys.primary[0] },
            secondary: { endpoint: `${this.emulator.url}/secondary`, key: wellKnownKeys.secondary[0] },
            rateLimits,
            polling: { initialIntervalMs: 20, maxIntervalMs: 100 },
        };
    }

    /** Plain HTTP to the secondary, for checking what the provider left there. */
    secondaryApi(kind: ProjectKind): LanguageApi {
        return new LanguageApi(`${this.emulator.url}/secondary`, wellKnownKeys.secondary[0], familyOfKind(kind));
    }

    /** The requests that would have changed the primary since seeding, or since the last clear. */
    writesToPrimary(): Promise<string[]> {
        return writesToPrimary(this.admin);
    }

    /** The storage account both emulated resources link: where the text projects' documents are. */
    get storageConnectionString(): string {
        return this.services.azurite.connectionString;
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
        fs.rmSync(this.workDir, { recursive: true, force: true });
    }
}

function makeWorkDir(): string {
    fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
    return fs.mkdtempSync(path.join(repoRoot, ".tmp", "replication-"));
}

/** The keys the tests search for in state, output and logs. */
export const emulatorKeys = [...wellKnownKeys.primary, ...wellKnownKeys.secondary];
