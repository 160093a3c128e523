import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { lazyProvider } from "../../provider/shim";
import { openOfflineStack } from "../../scripts/pulumi/offline-workspace";
import { repoRoot } from "../../scripts/pulumi/offline-environment";
import { cliEcho } from "../support/cli-echo";

/** The dynamic resource of this proof: its outputs say which implementation served it. */
class Echo extends pulumi.dynamic.Resource {
    declare readonly implementation: pulumi.Output<string>;
    declare readonly observed: pulumi.Output<string>;

    constructor(name: string, implementationFile: string, observationFile: string) {
        const props = { message: "hello", observationFile, implementation: undefined, observed: undefined };
        super(lazyProvider(implementationFile), name, props, {}, "test", "Echo");
    }
}

const showCli = cliEcho();

describe("the provider shim under the real Pulumi engine", function () {
    this.timeout(5 * 60_000);

    let workDir: string;
    let implementationFile: string;
    let observationFile: string;
    let stack: Stack;
    // One stack per run, so a run killed mid-update never leaves a lock on the next one.
    const stackName = `shim-${process.pid}`;

    /** Points the implementation module (what the shim loads) at a given generation. */
    const installImplementation = (generation: string) => {
        const fixture = path.join(__dirname, "..", "fixtures", "echo-provider.js");
        const source = `module.exports = { provider: require(${JSON.stringify(fixture)}).echoProvider("${generation}") };\n`;
        fs.writeFileSync(implementationFile, source);
    };

    before(async () => {
        fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
        workDir = fs.mkdtempSync(path.join(repoRoot, ".tmp", "shim-"));
        implementationFile = path.join(workDir, "echo-implementation.js");
        observationFile = path.join(workDir, "observed.txt");
        installImplementation("v1");
        fs.writeFileSync(observationFile, "first");
        stack = await openOfflineStack({
            stackName,
            projectName: "shim-proof",
            workDir,
            // The stack lives and goes with this test's folder.
            stateDir: path.join(workDir, "state"),
            program: async () => {
                const echo = new Echo("echo", implementationFile, observationFile);
                return { implementation: echo.implementation, observed: echo.observed };
            },
        });
    });

    after(async () => {
        fs.rmSync(workDir, { recursive: true, force: true });
    });

    it("creates the resource with `up`", async () => {
        const result = await stack.up({ onOutput: showCli });
        expect(result.summary.result).to.equal("succeeded");
        expect(result.summary.resourceChanges).to.include({ create: 2 });
        expect(result.outputs.implementation.value).to.equal("v1");
    });

    it("converges: `preview --expect-no-changes` passes", async () => {
        const preview = await stack.preview({ expectNoChanges: true, onOutput: showCli });
        expect(preview.changeSummary).to.deep.equal({ same: 2 });
    });

    it("stores a small __provider that holds no zod or got source", async () => {
        const state = await stack.exportStack();
        const echo = state.deployment.resources.find((r: { type: string }) => r.type.endsWith(":Echo"));
        const stored = echo.inputs.__provider;
        const text: string = typeof stored === "string" ? stored : JSON.parse(stored.plaintext);
        console.log(`      serialized __provider: ${Buffer.byteLength(text)} bytes`);
        expect(Buffer.byteLength(text)).to.be.below(4096);
        expect(text).to.include("createRequire");
        expect(text).not.to.match(/\bzod\b|ZodType|\bgot\b|HTTPError/i);
    });

    it("shows an input added by `check` as a property diff in `preview --diff`", async () => {
        fs.writeFileSync(observationFile, "second");
        let printed = "";
        const preview = await stack.preview({ diff: true, onOutput: (line) => ((printed += line), showCli(line)) });
        expect(preview.changeSummary).to.include({ update: 1 });
        expect(printed).to.match(/~ observed\s*:\s*"first" => "second"/);
        let gateFailed = false;
        await stack.preview({ expectNoChanges: true }).catch(() => (gateFailed = true));
        expect(gateFailed, "preview --expect-no-changes must fail while a change is pending").to.equal(true);
        const applied = await stack.up({ onOutput: showCli });
        expect(applied.outputs.observed.value).to.equal("second");
    });

    it("runs a changed implementation on the next `up` without touching state", async () => {
        installImplementation("v2");
        const result = await stack.up({ onOutput: showCli });
        expect(result.summary.resourceChanges).to.include({ update: 1 });
        expect(result.outputs.implementation.value).to.equal("v2");
    });

    it("refreshes, and converges again", async () => {
        const refresh = await stack.refresh({ onOutput: showCli });
        expect(refresh.summary.result).to.equal("succeeded");
        await stack.preview({ expectNoChanges: true });
    });

    it("destroys with the current implementation, not the one stored in state", async () => {
        const result = await stack.destroy({ onOutput: showCli });
        expect(result.summary.resourceChanges).to.include({ delete: 2 });
        expect(fs.existsSync(`${observationFile}.deleted-by-v2`)).to.equal(true);
    });
});
