import * as path from "node:path";
import { EmulatorAdminClient } from "../../emulator";
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
    print?: (text: string) => void;
}

/**
 * The local default stack, one command at a time: starts Azurite and the emulator from their
 * saved state, seeds the primary with the sample projects if it lacks them, runs the command
 * with the real Pulumi CLI, and stops the services again.
 */
export async function runLocalStack(run: LocalStackRun): Promise<Record<string, unknown>> {
    const print = run.print ?? ((text: string) => process.stdout.write(text));
    const log = (line: string) => print(`${line}\n`);
    const services = await startLocalServices({
        dataDir: run.dataDir ?? path.join(repoRoot, ".local"),
        ports: run.ports,
    });
    try {
        const resources = localResources(services.emulator.url);
        const primary = { ...resources.primary, storageConnectionString: services.azurite.connectionString };
        await seedPrimary(primary, sampleProjects, log);
        if (run.command === "edit-primary") {
            log(await editPrimary(new EmulatorAdminClient(services.emulator.url)));
            return {};
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
            case "up":
                return (await stack.up({ onOutput })).outputs;
            case "preview":
                await stack.preview({ onOutput, diff: run.diff, expectNoChanges: run.expectNoChanges });
                return {};
            case "refresh":
                await stack.refresh({ onOutput });
                return {};
            case "destroy":
                await stack.destroy({ onOutput });
                return {};
        }
    } finally {
        await services.stop();
    }
}
