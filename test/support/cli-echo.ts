/**
 * Returns an `onOutput` callback that prints what the real Pulumi CLI printed, indented under
 * the test title, so CI logs show every engine run. The CLI streams arbitrary chunks; lines
 * are reassembled before the indent is applied.
 */
export function cliEcho(indent = "      | "): (chunk: string) => void {
    let pending = "";
    return (chunk) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) process.stdout.write(`${indent}${line}\n`);
    };
}
