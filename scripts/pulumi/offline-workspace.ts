import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";

/** The repository root: this file compiles to bin/scripts/pulumi/. */
export const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** Where scripts/install-pulumi.sh puts pulumi, its language host and the dynamic-provider launcher. */
export const pulumiToolsRoot = path.join(repoRoot, ".tools", "pulumi");

/** The passphrase of local stacks when the user has not chosen one. */
export const localPassphrase = "local-emulator";

/**
 * The environment every Pulumi command of this project runs in: a file backend and a Pulumi
 * home inside the repository (both ignored by git), no update checks and no plugin downloads,
 * since nothing outside the package registries is reachable.
 *
 * The directory of the running Node.js comes right after the CLI on PATH, so the
 * dynamic-provider launcher (`node ...`) runs on the same Node 22 as the program.
 * `stateDir` keeps a test's stacks apart from the user's.
 */
export function offlineEnvironment(
    passphrase?: string,
    stateDir = path.join(repoRoot, ".pulumi-state"),
): Record<string, string> {
    fs.mkdirSync(stateDir, { recursive: true });
    const environment: Record<string, string> = {
        PULUMI_BACKEND_URL: `file://${stateDir}`,
        PULUMI_HOME: path.join(repoRoot, ".pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PATH: [path.join(pulumiToolsRoot, "bin"), path.dirname(process.execPath), process.env.PATH ?? ""].join(
            path.delimiter,
        ),
    };
    if (passphrase !== undefined) {
        environment.PULUMI_CONFIG_PASSPHRASE = passphrase;
    } else if (
        process.env.PULUMI_CONFIG_PASSPHRASE === undefined &&
        process.env.PULUMI_CONFIG_PASSPHRASE_FILE === undefined
    ) {
        environment.PULUMI_CONFIG_PASSPHRASE = localPassphrase;
    }
    return environment;
}

export interface OfflineStackArgs {
    stackName: string;
    projectName: string;
    /** The directory holding Pulumi.yaml; one is written there when it has none. */
    workDir: string;
    program: PulumiFn;
    /** A fixed passphrase for this stack's secrets, whatever the environment says. */
    passphrase?: string;
    /** The file backend's folder; `.pulumi-state/` by default (tests keep their stacks apart). */
    stateDir?: string;
}

/**
 * Creates or selects a stack whose program runs in this process (an Automation API inline
 * program) and whose engine is the CLI from .tools/pulumi. Inline programs need no Node.js
 * language host, which the Go module proxy does not serve (see README, "The Pulumi CLI").
 */
export async function openOfflineStack(args: OfflineStackArgs): Promise<Stack> {
    const pulumiCommand = await PulumiCommand.get({ root: pulumiToolsRoot });
    return LocalWorkspace.createOrSelectStack(
        { stackName: args.stackName, projectName: args.projectName, program: args.program },
        { workDir: args.workDir, envVars: offlineEnvironment(args.passphrase, args.stateDir), pulumiCommand },
    );
}
