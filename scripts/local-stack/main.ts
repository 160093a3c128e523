import "./compile-cache";
import { type LocalCommand, localCommands, runLocalStack } from "./run-local-stack";

/**
 * `npm start` and `npm run local -- <command> [pulumi flags]`: the local default stack against
 * the emulator. Flags go to `pulumi <command>` as they are (`--diff`, `--expect-no-changes`,
 * `--refresh`, ...). Exits non-zero when the command fails, including a preview with
 * `--expect-no-changes` that finds a pending resync.
 */
async function main(argv: string[]): Promise<void> {
    const [command = "up", ...flags] = argv;
    // The failover drill runs no pulumi command: predictions against the replicas `up` made. It
    // is loaded only for itself: the runtime SDKs it drives would slow every everyday command.
    if (command === "drill") {
        const { runDrill }: typeof import("./drill/run-drill") = require("./drill/run-drill");
        return runDrill({ flags });
    }
    if (!(localCommands as readonly string[]).includes(command)) {
        throw new Error(`unknown command "${command}"; use one of: ${[...localCommands, "drill"].join(", ")}`);
    }
    if (["edit-primary", "edit-document", "serve"].includes(command) && flags.length > 0) {
        throw new Error(`${command} takes no options, got ${flags.join(" ")}`);
    }
    await runLocalStack({ command: command as LocalCommand, flags });
}

main(process.argv.slice(2)).catch((error: Error) => {
    // The CLI's output is already on screen; the message repeats only its error lines.
    console.error(`\n${error.message}`);
    if (error.message.includes("the stack is currently locked")) {
        console.error("If no other `npm run local` is running, `npm run local -- cancel` removes the lock.");
    }
    process.exitCode = 1;
});
