import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root: this file compiles to bin/scripts/pulumi/. */
export const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** Where scripts/install-pulumi.sh puts pulumi, its language host and the dynamic-provider launcher. */
export const pulumiToolsRoot = path.join(repoRoot, ".tools", "pulumi");

/**
 * Node.js keeps the code it compiled here, so the local runner, and the program and provider the
 * CLI starts for it, skip compiling @pulumi/pulumi, zod, got and Azurite again on every command: a
 * few hundred milliseconds of each everyday `preview`. Tests and the fleet benchmark run without
 * it, as a user's own program does.
 */
export const compileCacheDir = path.join(repoRoot, ".tools", "compile-cache");

/** What the local stack's `pulumi` commands add to the offline environment: the compile cache. */
export const compileCacheEnvironment = { NODE_COMPILE_CACHE: compileCacheDir };

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
