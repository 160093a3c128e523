import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorAdminClient, type JobTiming } from "../../emulator";
import { sampleProjects } from "../../stacks/local/samples";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { type LocalPorts, localEndpointsVariable, localResources } from "../../stacks/local/settings";
import { compileCacheEnvironment, localPassphrase, offlineEnvironment, repoRoot } from "../pulumi/offline-environment";
import { runPulumi } from "../pulumi/pulumi-cli";
import { endOrphanedLanguageHosts } from "../pulumi/orphaned-hosts";
import { cancelKilledRuns } from "../pulumi/stale-locks";
import { editDocument } from "./edit-document";
import { editPrimary } from "./edit-primary";
import { primaryStorageFolder, startLocalServices } from "./local-services";

/**
 * Pulumi commands, run as typed; `check`, the daily out-of-sync check; the demo's own edits of
 * the primary (a project, a document in its storage); and `serve`, which keeps the services running for a `pulumi` typed elsewhere.
 */
export const localCommands = [
    "up",
    "preview",
    "check",
    "refresh",
    "destroy",
    "cancel",
    "edit-primary",
    "edit-document",
    "serve",
] as const;
export type LocalCommand = (typeof localCommands)[number];

/** The stack of this directory's Pulumi.yaml that replicates between the emulator's resources. */
export const localStackName = "local";
/** The project name in Pulumi.yaml. */
const localProjectName = "replicated-language";

export interface LocalStackRun {
    command: LocalCommand;
    /** Flags passed to `pulumi <command>` as they are, e.g. `--diff`, `--expect-no-changes`, `--refresh`. */
    flags?: readonly string[];
    /** The file backend's folder; `.pulumi-state/` by default (tests keep their stacks apart). */
    stateDir?: string;
    /** Where the emulator and Azurite keep their state; `.local/` by default. */
    dataDir?: string;
    ports?: LocalPorts;
    /** How fast the emulator's jobs finish; a couple of seconds each by default. */
    jobTiming?: JobTiming;
    /** Receives everything printed; this process's stdout by default. */
    print?: (text: string) => void;
}

/**
 * Each command as `pulumi` runs it: no confirmation prompt, no preview before an update, and
 * the daily check as a preview that first refreshes (so drift on the secondary counts) and fails
 * on any pending change. `up` keeps going past a replica that fails (a training job that
 * failed, a region that does not answer): the other replicas still sync, the command still
 * fails naming it, and the failed replica's state keeps what it completed, so the next `up`
 * resumes it from its first unfinished step.
 */
const pulumiCommands: Readonly<
    Record<Exclude<LocalCommand, "edit-primary" | "edit-document" | "serve">, readonly string[]>
> = {
    up: ["up", "--yes", "--skip-preview", "--continue-on-error"],
    preview: ["preview"],
    check: ["preview", "--refresh", "--expect-no-changes", "--diff"],
    refresh: ["refresh", "--yes", "--skip-preview"],
    destroy: ["destroy", "--yes", "--skip-preview"],
    cancel: ["cancel", "--yes"],
};

/**
 * The local default stack, one command at a time: starts Azurite and the emulator from their
 * saved state, seeds the primary with the sample projects if it lacks them, runs the command
 * with the plain `pulumi` CLI in this directory (exactly what a user would type), and stops the
 * services again. Resolves with what the CLI printed; rejects with its error lines.
 */
export async function runLocalStack(run: LocalStackRun): Promise<string> {
    const print = run.print ?? ((text: string) => process.stdout.write(text));
    const log = (line: string) => print(`${line}\n`);
    const dataDir = run.dataDir ?? path.join(repoRoot, ".local");
    // A storage folder kept from an earlier run holds the documents that run's seeding uploaded.
    const storageIsNew = !fs.existsSync(path.join(dataDir, primaryStorageFolder));
    const services = await startLocalServices({ dataDir, ports: run.ports, jobTiming: run.jobTiming });
    try {
        const resources = localResources(services.endpoints);
        const primary = {
            ...resources.primary,
            storageConnectionString: resources.storage.primary,
            storageMayLackDocuments: storageIsNew,
        };
        await seedPrimary(primary, sampleProjects, log);
        if (run.command === "edit-primary" || run.command === "edit-document") {
            const edit =
                run.command === "edit-primary"
                    ? await editPrimary(new EmulatorAdminClient(services.emulator.url))
                    : await editDocument(primary.storageConnectionString);
            log(edit);
            return edit;
        }
        if (run.command === "serve") {
            log(
                `the local stack's emulator is on ${services.emulator.url}, the storage of its regions on ` +
                    `${services.storage.primary.blobEndpoint} and ${services.storage.secondary.blobEndpoint}`,
            );
            log("run pulumi with --stack local in another terminal (see README); Ctrl-C stops them");
            await untilInterrupted();
            return "";
        }
        const stateDir = run.stateDir ?? path.join(repoRoot, ".pulumi-state");
        const env = {
            ...offlineEnvironment(localPassphrase, stateDir),
            ...compileCacheEnvironment,
            [localEndpointsVariable]: JSON.stringify(services.endpoints),
        };
        const pulumi = (args: readonly string[]) => runPulumi({ args, cwd: repoRoot, env, print });
        if (!stackExists(stateDir)) await pulumi(["stack", "init", localStackName, "--non-interactive"]);
        if (run.command !== "cancel") {
            await cancelKilledRuns({ stateDir, project: localProjectName, stack: localStackName, pulumi, log });
            endOrphanedLanguageHosts();
        }
        return await pulumi([...pulumiCommands[run.command], "--stack", localStackName, ...(run.flags ?? [])]);
    } finally {
        await services.stop();
    }
}

/**
 * Whether the file backend holds the local stack: the CLI keeps each stack in
 * `.pulumi/stacks/<project>/<stack>.json`. Checked on disk because asking the CLI costs a
 * second start of it on every command.
 */
function stackExists(stateDir: string): boolean {
    const stacks = path.join(stateDir, ".pulumi", "stacks", localProjectName);
    return [".json", ".json.gz"].some((suffix) => fs.existsSync(path.join(stacks, `${localStackName}${suffix}`)));
}

/** Resolves on Ctrl-C or SIGTERM, so the caller's cleanup stops the services. */
function untilInterrupted(): Promise<void> {
    return new Promise((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
    });
}
