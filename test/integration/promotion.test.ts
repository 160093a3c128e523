import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { wellKnownKeys } from "../../emulator";
import { ReplicatedLanguageProject } from "../../provider";
import type { ReplicaState } from "../../provider/lifecycle/replica-state";
import { supportTickets } from "../../stacks/local/samples/text-projects";
import { travelClu } from "../../stacks/local/samples/travel-clu";
import { RuntimeApi } from "../contract/emulator/support/runtime-api";
import { cliEcho } from "../support/cli-echo";
import { ReplicationBed } from "../support/replication-bed";

/** What the tests read of each replica. */
type Replica = Pick<ReplicaState, "trainedModel" | "previousModel" | "gate" | "deployment" | "stagingDeployment">;

/** Inputs the tests change between runs; the inline program reads them on every run. */
const settings: { servingModel?: string; retrainToken?: string } = {};

/**
 * A CLU project and a text project, each behind a gate its honest candidates pass, and how a
 * degraded candidate's figures read. The ticket sample has a single test document, which its
 * model misclassifies (micro F1 0 on both sides): its gate limits the drop below the primary.
 */
const projects = {
    "travel-clu": {
        kind: "Conversation",
        gate: { minMicroF1: 0.5 },
        rejected: String.raw`microF1 0\.00 < 0\.50, parity \d+/\d+ < 0\.90`,
    },
    "support-tickets": {
        kind: "CustomSingleLabelClassification",
        gate: { maxDropFromPrimary: 0.1 },
        rejected: String.raw`microF1 drop 0\.00 <= 0\.10 \(primary 0\.00\), macroF1 drop 0\.00 <= 0\.10 \(primary 0\.00\), parity \d+/\d+ < 0\.90`,
    },
} as const;
type ProjectName = keyof typeof projects;
const names = Object.keys(projects) as ProjectName[];

/** Edits that give both projects new content (a new candidate each), different every time. */
let editCount = 0;
const edits: Record<ProjectName, (count: number) => unknown> = {
    "travel-clu": (count) => ({
        op: "addUtterance",
        utterance: { text: `fly me to Paris ${count} times`, intent: "BookFlight" },
    }),
    "support-tickets": (count) => ({ op: "addClass", category: `Topic${count}` }),
};

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("promotion under the real Pulumi engine: candidates, the gate, swap, rollback, expiry", function () {
    this.timeout(5 * 60_000);

    let bed: ReplicationBed;
    let stack: Stack;
    let printed = "";
    const stackName = `promotion-${process.pid}`;
    const echo = cliEcho();
    const onOutput = (text: string) => ((printed += text), echo(text));

    /** Each replica's outputs as the state holds them: also after an `up` that failed. */
    const outputs = async (): Promise<Record<ProjectName, Replica>> => {
        const { deployment } = await stack.exportStack();
        const replicas = (deployment.resources as { type: string; outputs: ReplicaState }[]).filter((resource) =>
            resource.type.endsWith(":ReplicatedLanguageProject"),
        );
        return Object.fromEntries(replicas.map(({ outputs }) => [outputs.projectName, outputs])) as never;
    };
    const requests = async (method: string, suffix: string) =>
        (await bed.admin.requests("secondary")).filter(
            (request) => request.method === method && request.path.endsWith(suffix),
        );
    const editPrimary = async () => {
        editCount++;
        for (const name of names) await bed.admin.editProject("primary", name, edits[name](editCount) as never);
    };
    /** What `up` failed with, every replica tried: "succeeded" when it did not fail. */
    const upFailure = () =>
        stack.up({ onOutput, continueOnError: true }).then(
            () => "succeeded",
            (error: Error) => error.message,
        );
    const expectChanges = async (expected: boolean) => {
        const gate = await stack.preview({ expectNoChanges: true }).then(
            () => false,
            () => true,
        );
        expect(gate, "preview --expect-no-changes fails").to.equal(expected);
    };

    before(async () => {
        bed = await ReplicationBed.start();
        stack = await bed.openStack(stackName, async () => {
            for (const name of names) {
                const { kind, gate } = projects[name];
                const text = kind !== "Conversation";
                // The probe reads the documents it sends from the primary's storage.
                const documents = text ? { documents: { connectionString: bed.resources().storage.primary } } : {};
                new ReplicatedLanguageProject(name, {
                    ...bed.connections(),
                    projectName: name,
                    ...(text && { documents: bed.documents() }),
                    promotion: { ...gate, parity: { minAgreement: 0.9, ...documents } },
                    timeoutMinutes: { gate: 2 },
                    ...(settings.servingModel && { servingModel: settings.servingModel }),
                    ...(settings.retrainToken && { retrainToken: settings.retrainToken }),
                });
            }
        });
    });

    afterEach(async () => {
        expect(await bed.writesToPrimary(), "writing requests that reached the primary").to.deep.equal([]);
    });

    after(async () => {
        await stack?.workspace.removeStack(stackName, { force: true }).catch(() => undefined);
        await bed?.stop();
    });

    it("creates each replica through its gate: trained as a candidate, staged, measured, then deployed", async () => {
        await stack.up({ onOutput });
        for (const [name, replica] of Object.entries(await outputs())) {
            expect(replica.trainedModel!.label, name).to.match(/^production-[0-9a-f]{8}$/);
            expect(replica.gate).to.include({ candidate: replica.trainedModel!.label, decision: "promoted" });
            expect(replica.gate!.parity).to.include({ rate: 1 });
            expect(replica.stagingDeployment!.modelId).to.equal(replica.deployment!.modelId);
        }
        expect(printed).to.match(
            /promote: candidate production-[0-9a-f]{8} passed \(microF1 \d\.\d\d >= 0\.50, parity (\d+)\/\1 >= 0\.90\)/,
        );
        await expectChanges(false);
    });

    it("promotes a passing candidate with the service's swap: the outputs show it and the model before it", async () => {
        const before = await outputs();
        await editPrimary();
        await bed.admin.clearRequests();
        await stack.up({ onOutput });
        const after = await outputs();
        for (const name of names) {
            const { trainedModel, previousModel, stagingDeployment } = after[name];
            expect(trainedModel!.label, name).not.to.equal(before[name].trainedModel!.label);
            expect(previousModel).to.deep.equal({
                label: before[name].trainedModel!.label,
                modelId: before[name].trainedModel!.modelId,
            });
            expect(stagingDeployment!.modelId, "staging holds the model that served before").to.equal(
                before[name].trainedModel!.modelId,
            );
        }
        expect(await requests("POST", "/deployments/:swap")).to.have.length(names.length);
        const predictions = (await bed.admin.requests("primary")).filter((request) => request.method === "POST");
        expect(predictions.map((request) => request.path)).to.include.members([
            "/language/:analyze-conversations",
            "/language/analyze-text/jobs",
        ]);
        await expectChanges(false);
    });

    it("rolls back to the previous model by swapping, without training, shown as a deploy-only change", async () => {
        const before = await outputs();
        settings.servingModel = "previous";
        printed = "";
        await stack.preview({ diff: true, onOutput });
        expect(printed).to.match(/\+ servingModel\s*: "previous"/);
        printed = "";
        await stack.preview({ onOutput });
        expect(printed).to.match(
            /plan: swap \(servingModel is "previous": production-[0-9a-f]{8} serves again, without training/,
        );
        expect(printed).not.to.match(/plan: [^\n]*\btrain \(/);
        await bed.admin.clearRequests();
        await stack.up({ onOutput });
        const after = await outputs();
        for (const name of names) {
            expect(after[name].trainedModel!.label).to.equal(before[name].previousModel!.label);
        }
        expect(await requests("POST", "/:train"), "training requests").to.deep.equal([]);
        expect(await requests("POST", "/deployments/:swap")).to.have.length(names.length);
        await expectChanges(false);

        settings.servingModel = undefined;
        await bed.admin.clearRequests();
        await stack.up({ onOutput });
        for (const [name, replica] of Object.entries(await outputs())) {
            expect(replica.trainedModel!.label, name).to.equal(before[name as ProjectName].trainedModel!.label);
        }
        expect(await requests("POST", "/:train"), "training requests").to.deep.equal([]);
        await expectChanges(false);
    });

    it("keeps the serving model when a candidate fails the gate, says why, and does not train it again", async () => {
        const before = await outputs();
        const answersBefore = await servingAnswers(bed);
        await bed.admin.degradeModels({
            resource: "secondary",
            quality: { evaluation: "poor", predictions: "diverge" },
            times: names.length,
        });
        await editPrimary();
        const failure = await upFailure();
        for (const name of names) {
            expect(failure).to.match(
                new RegExp(
                    `replicating ${name} -> ${name}: promote failed: the gate rejected candidate production-[0-9a-f]{8} \\(${projects[name].rejected}\\); "production" keeps serving ${before[name].trainedModel!.label}`,
                ),
            );
        }
        const deployed = await outputs();
        for (const name of names) {
            expect(deployed[name].deployment!.modelId, name).to.equal(before[name].deployment!.modelId);
            expect(deployed[name].gate).to.include({ decision: "rejected" });
        }
        expect(await servingAnswers(bed), "the serving deployments answer as before").to.deep.equal(answersBefore);
        expect(
            await servingAnswers(bed, "production-staging"),
            "the rejected candidates answer otherwise",
        ).not.to.deep.equal(answersBefore);

        await bed.admin.clearRequests();
        const again = await upFailure();
        for (const name of names) {
            expect(again).to.match(
                new RegExp(
                    `replicating ${name} -> ${name}: promote failed: the gate rejected candidate production-[0-9a-f]{8} \\(${projects[name].rejected}\\)`,
                ),
            );
        }
        expect(again).not.to.include("run pulumi up again");
        expect(await requests("POST", "/:train"), "training requests of the second up").to.deep.equal([]);
    });

    it("trains the same content again when retrainToken changes, and promotes it", async () => {
        const before = await outputs();
        settings.retrainToken = "2026-12";
        await bed.admin.clearRequests();
        await stack.up({ onOutput });
        expect(await requests("POST", "/:train"), "trainings").to.have.length(names.length);
        expect(await requests("POST", "/:import"), "imports").to.deep.equal([]);
        for (const [name, replica] of Object.entries(await outputs())) {
            expect(replica.trainedModel!.label, name).not.to.equal(before[name as ProjectName].trainedModel!.label);
            expect(replica.gate).to.include({ decision: "promoted" });
        }
        await expectChanges(false);
    });

    it("warns in preview and fails --expect-no-changes when the deployment expires within the window; up renews it", async () => {
        // A configuration whose deployments expire in 10 days (a year after it does): retrain with it.
        const soon = Date.now() + 10 * day;
        const expiring = { trainingConfigVersion: "2025-11-01", modelExpirationDate: isoDate(soon - 365 * day) };
        for (const name of names) await bed.admin.setTrainingConfigs(projects[name].kind, [expiring]);
        settings.retrainToken = "2027-01";
        await stack.up({ onOutput });
        printed = "";
        await stack.preview({ diff: true, onOutput });
        expect(printed).to.match(/[+~] renewal\s*: \{/);
        expect(printed).to.match(
            /reason\s*: "deployment \\"production\\" expires on \d{4}-\d\d-\d\d, in (9|10) days \(warning window 30 days\)/,
        );
        printed = "";
        await stack.preview({ onOutput });
        expect(printed).to.include("no newer training configuration is offered yet");
        expect(printed).to.match(/warning: expiry: deployment "production" expires on \d{4}-\d\d-\d\d, in (9|10) days/);
        for (const name of names) {
            expect(printed, "a warning on each replica's row").to.match(
                new RegExp(
                    `ReplicatedLanguageProject \\(${name}\\):\\n\\s+warning: expiry: deployment "production" expires`,
                ),
            );
        }
        await expectChanges(true);

        const newer = { trainingConfigVersion: "2026-06-01", modelExpirationDate: isoDate(Date.now() + 700 * day) };
        for (const name of names) await bed.admin.setTrainingConfigs(projects[name].kind, [expiring, newer]);
        printed = "";
        await stack.preview({ diff: true, onOutput });
        expect(printed).to.match(/trainingConfigVersion\s*: "2026-06-01"/);
        printed = "";
        await stack.preview({ onOutput });
        expect(printed).to.match(
            /plan: train \(the deployment's expiry is renewed with training configuration 2026-06-01/,
        );
        await bed.admin.clearRequests();
        await stack.up({ onOutput });
        expect(await requests("POST", "/:train"), "trainings").to.have.length(names.length);
        for (const [name, replica] of Object.entries(await outputs())) {
            expect(replica.trainedModel!.trainingConfigVersion, name).to.equal("2026-06-01");
        }
        await expectChanges(false);
    });
});

/**
 * What each replica's deployment answers through the runtime API, for every utterance or document
 * of its sample project: the top intent of each utterance, the class of each document.
 */
async function servingAnswers(bed: ReplicationBed, deploymentName = "production"): Promise<unknown> {
    const runtime = new RuntimeApi(`${bed.emulator.url}/secondary`, wellKnownKeys.secondary[0]);
    const intents: string[] = [];
    for (const { text } of travelClu.file.assets!.utterances as { text: string }[]) {
        const answer = await runtime.analyzeConversation({
            kind: "Conversation",
            analysisInput: { conversationItem: { id: "1", participantId: "test", text } },
            parameters: { projectName: "travel-clu", deploymentName },
        });
        intents.push(answer.result.prediction.topIntent ?? "");
    }
    const documents = Object.values(supportTickets.documents!).map((text, index) => ({ id: String(index), text }));
    const job = await runtime.runTextJob({
        analysisInput: { documents },
        tasks: [
            {
                kind: "CustomSingleLabelClassification",
                parameters: { projectName: "support-tickets", deploymentName },
            },
        ],
    });
    const classes = (job.tasks.items?.[0]?.results.documents ?? []).map(
        (document) => (document as { class: { category: string }[] }).class[0]?.category ?? "",
    );
    return { intents, classes };
}
