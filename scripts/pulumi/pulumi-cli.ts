import { spawn } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { pulumiToolsRoot } from "./offline-environment";

export interface PulumiInvocation {
    /** The command line after `pulumi`, e.g. `["preview", "--diff", "--stack", "local"]`. */
    args: readonly string[];
    /** The directory holding Pulumi.yaml. */
    cwd: string;
    /** Added to this process's environment (see offlineEnvironment). */
    env: Readonly<Record<string, string>>;
    /** Receives the CLI's output as it streams; this process's stdout when absent. */
    print?: (chunk: string) => void;
    /** Given to the CLI on stdin, as a value typed at a prompt (e.g. `config set --secret`). */
    input?: string;
}

/**
 * A CLI run that failed. The message carries the CLI's own error lines, never only an exit
 * code: the output may have scrolled away, or gone to a log nobody reads.
 */
export class PulumiCommandError extends Error {
    override readonly name = "PulumiCommandError";

    constructor(
        readonly args: readonly string[],
        readonly exitCode: number,
        readonly output: string,
    ) {
        const errors = errorLinesOf(output);
        super(
            `pulumi ${args.join(" ")} failed (exit code ${exitCode})` +
                (errors.length > 0 ? `:\n${errors.join("\n")}` : ": it printed no error line; see its output above"),
        );
    }
}

/**
 * Runs the real `pulumi` of .tools/pulumi/bin as a user would type it, streaming its output,
 * and resolves with everything it printed once it exits 0.
 */
export function runPulumi(invocation: PulumiInvocation): Promise<string> {
    const print = invocation.print ?? ((chunk: string) => process.stdout.write(chunk));
    const cli = spawn(path.join(pulumiToolsRoot, "bin", "pulumi"), invocation.args, {
        cwd: invocation.cwd,
        env: { ...process.env, ...invocation.env },
        stdio: [invocation.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    cli.stdin?.end(invocation.input);
    let output = "";
    const take = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        output += text;
        print(text);
    };
    cli.stdout!.on("data", take);
    cli.stderr!.on("data", take);
    return new Promise((resolve, reject) => {
        cli.once("error", reject);
        cli.once("close", (code, signal) => {
            if (code === 0) resolve(output);
            else reject(new PulumiCommandError(invocation.args, code ?? signalExitCode(signal), output));
        });
    });
}

/** The lines where the CLI states what went wrong, without repeats, in the order printed. */
function errorLinesOf(output: string): string[] {
    const lines = output
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => /^error:|^\S.*error: /.test(line));
    return [...new Set(lines)];
}

/** A shell's exit code for a process ended by a signal (128 + its number). */
function signalExitCode(signal: NodeJS.Signals | null): number {
    return 128 + (signal ? os.constants.signals[signal] : 0);
}
