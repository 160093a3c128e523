import * as path from "node:path";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, type JobTiming } from "../../emulator";
import { localProgram } from "../../stacks/local/program";
import { sampleProjects } from "../../stacks/local/samples";
import { seedPrimary } from "../../stacks/local/seed-primary";
import { localResources } from "../../stacks/local/settings";
import { localPassphrase, openOfflineStack, repoRoot } from "../pulumi/offline-workspace";
import { editPrimary } from "./edit-primary";
import { startLocalServices } from "./local-services";

export const localCommands = ["up", "preview", "refresh", "destroy", "edit-primary"] as const;
export type LocalCommand = (typeof localCommands)[number];

export interface LocalStackRun {
    command: LocalCommand;
    /** `preview` flags, as `pulumi preview` spells them. */
    diff?: boolean;
    expectNoChanges?: boolean;
    stackName?: string;
    /** Holds Pulumi.yaml; the stack's config file is in its `stacks/`. */
    workDir?: string;
    /** Where the emulator and Azurite keep their state. */
    dataDir?: string;
    ports?: { emulator: number; azurite: number };
    /** How fast the emulator's jobs finish; a couple of seconds each by default. */
    jobTiming?: JobTiming;
    print?: (text: string) => void;
}

/**
 * The local default stack, one command at a time: starts Azurite and the emulator from their
 * saved state, seeds the primary with the sample projects if it lacks them, runs the command
 * with the real Pulumi CLI, and stops the services again.
 */
/** What a command reports: resource changes by kind (created, same, updated...) and, for `up`, the outputs. */
export interface LocalStackResult {
    changes: Record<string, number>;
    outputs: Record<string, unknown>;
}

export async function runLocalStack(run: LocalStackRun): Promise<LocalStackResult> {
    const print = run.print ?? ((text: string) => process.stdout.write(text));
    const log = (line: string) => print(`${line}\n`);
    const services = await startLocalServices({
        dataDir: run.dataDir ?? path.join(repoRoot, ".local"),
        ports: run.ports,
        jobTiming: run.jobTiming,
    });
    try {
        const resources = localResources(services.emulator.url);
        const primary = { ...resources.primary, storageConnectionString: services.azurite.connectionString };
        await seedPrimary(primary, sampleProjects, log);
        if (run.command === "edit-primary") {
            log(await editPrimary(new EmulatorAdminClient(services.emulator.url)));
            return { changes: {}, outputs: {} };
        }
        const stack = await openOfflineStack({
            stackName: run.stackName ?? "local",
            projectName: "replicated-language",
            workDir: run.workDir ?? repoRoot,
            program: async () => localProgram(resources),
            passphrase: localPassphrase,
        });
        const onOutput = print;
        switch (run.command) {
            case "up": {
                const result = await stack.up({ onOutput });
                return { changes: result.summary.resourceChanges ?? {}, outputs: valuesOf(result.outputs) };
            }
            case "preview": {
                const result = await stack.preview({ onOutput, diff: run.diff, expectNoChanges: run.expectNoChanges });
                return { changes: result.changeSummary, outputs: {} };
            }
            case "refresh":
                return { changes: (await stack.refresh({ onOutput })).summary.resourceChanges ?? {}, outputs: {} };
            case "destroy":
                return { changes: (await stack.destroy({ onOutput })).summary.resourceChanges ?? {}, outputs: {} };
        }
    } finally {
        await services.stop();
    }
}

function valuesOf(outputs: OutputMap): Record<string, unknown> {
    return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
}
