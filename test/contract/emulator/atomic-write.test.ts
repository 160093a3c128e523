import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { removeStaleTempFiles, writeFileAtomically } from "../../../emulator/state/atomic-file";

// A writer killed with SIGKILL in the middle of its writes must leave a complete file behind.
describe("emulator: atomic state writes", function () {
    this.timeout(10_000);
    let directory: string;

    beforeEach(() => {
        directory = fs.mkdtempSync(path.join(os.tmpdir(), "atomic-write-"));
    });

    afterEach(() => {
        fs.rmSync(directory, { recursive: true, force: true });
    });

    it("never leaves a torn file when the writer is killed -9", async () => {
        const file = path.join(directory, "state.json");
        const module = path.join(__dirname, "..", "..", "..", "emulator", "state", "atomic-file.js");
        // Large generations so that a kill is likely to land inside a write.
        const script = `
            const { writeFileAtomically } = require(${JSON.stringify(module)});
            const padding = "x".repeat(256 * 1024);
            for (let generation = 1; ; generation++) {
                writeFileAtomically(${JSON.stringify(file)}, JSON.stringify({ generation, padding }));
                if (generation === 3) process.stdout.write("writing\\n");
            }`;
        const writer = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        await new Promise<void>((resolve) => writer.stdout.once("data", () => resolve()));
        writer.kill("SIGKILL");
        await new Promise((resolve) => writer.once("exit", resolve));

        const survivor = JSON.parse(fs.readFileSync(file, "utf8")) as { generation: number; padding: string };
        expect(survivor.generation).to.be.at.least(3);
        expect(survivor.padding).to.have.length(256 * 1024);
        removeStaleTempFiles(file);
        expect(fs.readdirSync(directory)).to.deep.equal(["state.json"]);
    });

    it("replaces the content through a temp file and a rename", () => {
        const file = path.join(directory, "state.json");
        writeFileAtomically(file, "one");
        const inode = fs.statSync(file).ino;
        writeFileAtomically(file, "two");
        expect(fs.readFileSync(file, "utf8")).to.equal("two");
        expect(fs.statSync(file).ino).to.not.equal(inode);
        expect(fs.readdirSync(directory)).to.deep.equal(["state.json"]);
    });
});
