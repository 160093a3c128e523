import { expect } from "chai";
import { spawn, spawnSync } from "node:child_process";
import * as path from "node:path";
import { textSamples, travelConversation } from "../fixtures/emulator/sample-projects";
import { startTestBed, uploadDocuments, type TestBed } from "../contract/emulator/support/test-bed";

const root = path.resolve(__dirname, "../../..");
const scripts = path.join(root, "test", "clients");

interface Step {
    readonly step: string;
    readonly [fact: string]: unknown;
}

/**
 * The python of the virtual environment scripts/python-clients.sh builds (or reuses) with the
 * official SDKs; without Python 3 the suite fails here, saying so.
 */
function sdkPython(): string {
    const setup = spawnSync("bash", [path.join(root, "scripts", "python-clients.sh")], {
        encoding: "utf8",
        timeout: 10 * 60_000,
    });
    if (setup.status !== 0) {
        throw new Error(
            `installing the official Python SDKs failed (exit ${setup.status ?? setup.signal}):\n${setup.stderr}`,
        );
    }
    return setup.stdout.trim();
}

/** Runs a driver with its plan on stdin; its steps, or an error with its output. */
function drive(python: string, driver: string, plan: unknown, timeoutMs = 120_000): Promise<Step[]> {
    return new Promise((resolve, reject) => {
        // No __pycache__ written into the source tree.
        const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
        const child = spawn(python, [path.join(scripts, driver)], {
            cwd: scripts,
            env,
            stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
        child.on("error", reject);
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            if (code !== 0) {
                reject(new Error(`${driver} ended with ${code ?? signal}:\n${stdout}\n${stderr}`));
                return;
            }
            resolve(
                stdout
                    .split("\n")
                    .filter((line) => line.trim() !== "")
                    .map((line) => JSON.parse(line) as Step),
            );
        });
        child.stdin.end(JSON.stringify(plan));
    });
}

function stepsNamed(steps: readonly Step[], name: string): Step[] {
    return steps.filter((step) => step.step === name);
}

describe("official Python SDKs, unchanged, at their default api-versions, against the emulator", function () {
    this.timeout(10 * 60_000);
    let python: string;
    let bed: TestBed;

    before(async () => {
        python = sdkPython();
        bed = await startTestBed({ withStorage: true });
    });

    after(async () => {
        await bed?.stop();
    });

    it("azure-ai-language-conversations-authoring 1.0.0b4 (2025-11-15-preview): create, import, export, train, deploy, swap, cancel, delete", async () => {
        const primary = bed.resource("primary");
        const file = travelConversation("SdkTravel");
        const steps = await drive(python, "drive_conversations_sdk.py", {
            endpoint: primary.endpoint,
            key: primary.keys[0],
            file,
            training: { modelLabel: "v1", trainingMode: "standard", evaluationOptions: { kind: "manual" } },
        });

        expect(stepsNamed(steps, "client")).to.deep.equal([
            { step: "client", apiVersion: "2025-11-15-preview", projectApiVersion: "2025-11-15-preview" },
        ]);
        expect(stepsNamed(steps, "create")).to.deep.equal([
            { step: "create", projectName: "SdkTravel", projectKind: "Conversation" },
        ]);
        expect(stepsNamed(steps, "import")).to.deep.equal([
            { step: "import", projectName: "SdkTravel", hasLastTrained: false },
        ]);
        expect(stepsNamed(steps, "export")).to.deep.equal([
            {
                step: "export",
                status: "succeeded",
                projectFileVersion: "2025-11-15-preview",
                intents: file.assets.intents.map((intent) => intent.category).sort(),
            },
        ]);
        expect(stepsNamed(steps, "train")).to.deep.equal(
            ["v1", "v2"].map((modelLabel) => ({
                step: "train",
                modelLabel,
                trainingStatus: "succeeded",
                evaluationStatus: "notStarted",
            })),
        );
        expect(stepsNamed(steps, "deploy")).to.deep.equal([{ step: "deploy", deployments: ["production", "staging"] }]);
        expect(stepsNamed(steps, "swap")).to.deep.equal([{ step: "swap", productionServesV2: true }]);
        expect(stepsNamed(steps, "cancel")).to.deep.equal([{ step: "cancel", status: "cancelled" }]);
        expect(stepsNamed(steps, "delete deployment")).to.deep.equal([
            { step: "delete deployment", deployments: ["production"] },
        ]);
        expect(stepsNamed(steps, "delete project")).to.deep.equal([{ step: "delete project", gone: true }]);
    });

    it("azure-ai-textanalytics-authoring 1.0.0b1 (2025-05-15-preview): the same life for each custom text kind, documents in the emulator's storage", async () => {
        const primary = bed.resource("primary");
        const samples = Object.values(textSamples());
        for (const sample of samples) {
            await uploadDocuments(
                bed.storage["primary"]!,
                sample.file.metadata.storageInputContainerName,
                sample.documents,
            );
        }
        const steps = await drive(python, "drive_text_sdk.py", {
            endpoint: primary.endpoint,
            key: primary.keys[0],
            files: samples.map((sample) => sample.file),
            training: { modelLabel: "v1", trainingConfigVersion: "latest", evaluationOptions: { kind: "manual" } },
        });

        expect(stepsNamed(steps, "client")).to.deep.equal([{ step: "client", apiVersion: "2025-05-15-preview" }]);
        for (const { file, documents } of samples) {
            const kind = file.metadata.projectKind;
            const ofKind = (name: string) => stepsNamed(steps, name).filter((step) => step["kind"] === kind);
            expect(ofKind("create"), kind).to.deep.equal([
                { step: "create", kind, projectName: file.metadata.projectName },
            ]);
            expect(ofKind("import"), kind).to.have.length(1);
            expect(ofKind("export"), kind).to.deep.equal([
                {
                    step: "export",
                    kind,
                    projectFileVersion: "2025-05-15-preview",
                    documents: Object.keys(documents).length,
                },
            ]);
            expect(ofKind("train"), kind).to.deep.equal(
                ["v1", "v2"].map((modelLabel) => ({
                    step: "train",
                    kind,
                    modelLabel,
                    trainingStatus: "succeeded",
                    evaluationStatus: "succeeded",
                })),
            );
            expect(ofKind("deploy"), kind).to.deep.equal([
                { step: "deploy", kind, deployments: ["production", "staging"] },
            ]);
            expect(ofKind("swap"), kind).to.deep.equal([{ step: "swap", kind, productionServesV2: true }]);
            expect(ofKind("cancel"), kind).to.deep.equal([{ step: "cancel", kind, status: "cancelled" }]);
            expect(ofKind("delete deployment"), kind).to.deep.equal([
                { step: "delete deployment", kind, deployments: ["production"] },
            ]);
            expect(ofKind("delete project"), kind).to.deep.equal([{ step: "delete project", kind, gone: true }]);
        }
    });
});
