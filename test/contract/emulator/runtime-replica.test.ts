import { expect } from "chai";
import { conversationEvaluationSummarySchema, textEvaluationSummarySchema } from "../../../provider/contract";
import { replicatedSamples, deployReplicatedSamples } from "./support/replicated-samples";
import { conversationTask } from "./support/runtime-api";
import { startTestBed, type TestBed } from "./support/test-bed";

const queries = [
    "book a flight to Oslo tomorrow",
    "cancel booking AB1234",
    "I need a seat to Lisboa next week",
    "tell me a joke",
    "what is the weather like in 👩‍👩‍👧 Lisbon",
];

const documents = [
    { id: "ticket", text: "I was charged twice on my invoice, please refund one payment." },
    { id: "news", text: "The cup final lifted the club's share price as markets await the tax plan." },
    { id: "contract", text: "This lease is made on 1 July 2023 between Northwind Bank and Adatum Corp." },
    { id: "empty", text: "" },
];

const textTasks = [
    {
        kind: "CustomSingleLabelClassification",
        parameters: { projectName: "SupportTickets", deploymentName: "production" },
    },
    { kind: "CustomMultiLabelClassification", parameters: { projectName: "NewsTopics", deploymentName: "production" } },
    { kind: "CustomEntityRecognition", parameters: { projectName: "Contracts", deploymentName: "production" } },
];

describe("emulator runtime: a replica answers exactly as its primary", function () {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({ withStorage: true, jobTiming: { mode: "instant" } });
        await deployReplicatedSamples(bed);
    });

    after(async () => {
        await bed.stop();
    });

    it("answers every utterance the same, CLU and orchestration", async () => {
        for (const project of replicatedSamples.conversations) {
            for (const query of queries) {
                const task = conversationTask(project, query);
                const fromPrimary = await bed.runtime("primary").analyzeConversation(task);
                expect(await bed.runtime("secondary").analyzeConversation(task), `${project}: ${query}`).to.deep.equal(
                    fromPrimary,
                );
            }
        }
    });

    it("answers every text task the same", async () => {
        const body = { analysisInput: { documents }, tasks: textTasks };
        const [fromPrimary, fromSecondary] = await Promise.all(
            ["primary", "secondary"].map((resource) => bed.runtime(resource).runTextJob(body)),
        );
        expect(fromPrimary!.status).to.equal("succeeded");
        // Everything but when each job ran.
        const answers = (job: typeof fromPrimary) =>
            job!.tasks.items!.map(({ lastUpdateDateTime: _when, ...item }) => item);
        expect(answers(fromSecondary)).to.deep.equal(answers(fromPrimary)).and.to.have.length(3);
    });

    it("evaluates the same", async () => {
        for (const [family, project, schema] of [
            ["analyze-conversations", "TravelBot", conversationEvaluationSummarySchema],
            ["analyze-text", "Contracts", textEvaluationSummarySchema],
        ] as const) {
            const path = `/${project}/models/v1/evaluation/summary-result`;
            const summaries = await Promise.all(
                ["primary", "secondary"].map((resource) => bed.api(resource, family).read(path, schema)),
            );
            expect(summaries[1], project).to.deep.equal(summaries[0]);
        }
    });
});
