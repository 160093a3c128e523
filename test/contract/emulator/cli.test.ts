import { expect } from "chai";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { wellKnownKeys } from "../../../emulator/config/default-resources";

const mainScript = path.join(__dirname, "..", "..", "..", "emulator", "main.js");

/** Starts the CLI and collects its stdout until the admin line (the last one) is printed. */
async function runCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; output: string }> {
    const child = spawn(process.execPath, [mainScript, ...args]);
    let output = "";
    await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes("admin API")) {
                resolve();
            }
        });
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("exit", (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
    });
    return { child, output };
}

function stopCli(child: ChildProcessWithoutNullStreams): Promise<unknown> {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    return exited;
}

describe("emulator: command line", function () {
    this.timeout(15_000);

    it("serves the default primary and secondary, printing endpoints and regions but no keys", async () => {
        const { child, output } = await runCli(["--port", "0"]);
        try {
            const endpoint =
                /primary\s+westeurope\s+(http:\/\/127\.0\.0\.1:\d+\/primary)\s+storage http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/.exec(
                    output,
                )?.[1];
            expect(endpoint, output).to.be.a("string");
            expect(output).to.match(/secondary\s+northeurope\s+http:\/\/127\.0\.0\.1:\d+\/secondary/);
            for (const key of [...wellKnownKeys.primary, ...wellKnownKeys.secondary]) {
                expect(output).to.not.contain(key);
            }
            const response = await fetch(
                `${endpoint}/language/authoring/analyze-text/projects?api-version=2023-04-01`,
                {
                    headers: { "Ocp-Apim-Subscription-Key": wellKnownKeys.primary[0] },
                },
            );
            expect(response.status).to.equal(200);
        } finally {
            await stopCli(child);
        }
    });

    it("reads a resources file and refuses a broken one naming the field", async () => {
        const directory = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-cli-"));
        try {
            const file = path.join(directory, "resources.json");
            fs.writeFileSync(
                file,
                JSON.stringify({
                    resources: [{ name: "dr", region: "swedencentral", keys: ["s3cret-1", "s3cret-2"] }],
                }),
            );
            const { child, output } = await runCli([
                "--port",
                "0",
                "--resources",
                file,
                "--data-dir",
                path.join(directory, "data"),
            ]);
            await stopCli(child);
            expect(output)
                .to.match(/dr\s+swedencentral\s+http:\/\/127\.0\.0\.1:\d+\/dr/)
                .and.not.contain("s3cret");

            fs.writeFileSync(file, JSON.stringify({ resources: [{ name: "dr", keys: ["a", "b"] }] }));
            const failure = await runCli(["--port", "0", "--resources", file]).then(
                () => "started",
                (error: Error) => error.message,
            );
            expect(failure).to.contain('field "resources[0].region"');
        } finally {
            fs.rmSync(directory, { recursive: true, force: true });
        }
    });
});
