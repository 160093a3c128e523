import { type LocalCommand, localCommands, runLocalStack } from "./run-local-stack";

/**
 * `npm start` and `npm run local -- <command> [--diff] [--expect-no-changes]`: the local default
 * stack against the emulator. Exits non-zero when the command fails, including a preview with
 * `--expect-no-changes` that finds a pending resync.
 */
async function main(argv: string[]): Promise<void> {
    const [command = "up", ...flags] = argv;
    if (!(localCommands as readonly string[]).includes(command)) {
        throw new Error(`unknown command "${command}"; use one of: ${localCommands.join(", ")}`);
    }
    const unknown = flags.filter((flag) => flag !== "--diff" && flag !== "--expect-no-changes");
    if (unknown.length > 0)
        throw new Error(`unknown option ${unknown.join(" ")}; preview takes --diff and --expect-no-changes`);
    await runLocalStack({
        command: command as LocalCommand,
        diff: flags.includes("--diff"),
        expectNoChanges: flags.includes("--expect-no-changes"),
    });
}

main(process.argv.slice(2)).catch((error: Error) => {
    // The Automation API error carries the CLI's own output, already printed above.
    console.error(`\n${error.message.split("\n")[0]}`);
    process.exitCode = 1;
});
