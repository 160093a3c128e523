import { expect } from "chai";
import type { OutageInput } from "../../../emulator";
import type { CustomTextKind } from "../../../runtime";
import { replicatedSamples } from "../emulator/support/replicated-samples";
import type { TestBed } from "../emulator/support/test-bed";
import { keyClient, startFailoverBed, testBreaker } from "./support/failover-bed";
import { drillOutage, type Probe } from "./support/outage-drill";

const utterances = ["book a flight to Oslo tomorrow", "cancel booking AB1234", "tell me a joke"];

const documents = [
    ["I was charged twice on my invoice, please refund one payment.", "The app crashes when I log in."],
    ["The cup final lifted the club's share price as markets await the tax plan."],
    ["This lease is made on 1 July 2023 between Northwind Bank and Adatum Corp."],
];

const textKinds: Record<(typeof replicatedSamples.text)[number], CustomTextKind> = {
    SupportTickets: "CustomSingleLabelClassification",
    NewsTopics: "CustomMultiLabelClassification",
    Contracts: "CustomEntityRecognition",
};

const outages: readonly OutageInput[] = [{ mode: "status" }, { mode: "dropConnection" }, { mode: "hang" }];

describe("failover client: the primary's region goes down and comes back", function () {
    let bed: TestBed;

    before(async function () {
        this.timeout(120_000);
        bed = await startFailoverBed();
    });

    after(async () => {
        await bed?.stop();
    });

    function conversationProbes(): Probe<unknown>[] {
        return replicatedSamples.conversations.map((projectName) => {
            const client = keyClient(bed, projectName);
            return {
                name: projectName,
                client,
                inputs: utterances,
                ask: (utterance) => client.analyzeConversation(utterance as string),
                comparable: (result) => result,
                failureThreshold: testBreaker.failureThreshold,
            };
        });
    }

    /** Text clients open after two failures: any threshold from 2 up behaves the same way. */
    function textProbes(): Probe<unknown>[] {
        return replicatedSamples.text.map((projectName) => {
            const client = keyClient(bed, projectName, { breaker: { ...testBreaker, failureThreshold: 2 } });
            return {
                name: projectName,
                client,
                inputs: documents,
                ask: (batch) => client.analyzeText(textKinds[projectName], batch as string[]),
                // A job's completion time is the only thing that differs between regions.
                comparable: (result) => {
                    const { completedOn: _when, ...rest } = result as { completedOn: Date };
                    return rest;
                },
                failureThreshold: 2,
            };
        });
    }

    for (const outage of outages) {
        it(`conversations (CLU and orchestration), the region down by ${outage.mode}`, async () => {
            await drillOutage(bed, outage, conversationProbes());
        });

        it(`custom text (single-label, multi-label, entities), the region down by ${outage.mode}`, async () => {
            await drillOutage(bed, outage, textProbes());
        });
    }

    it("answers with the SDKs' shapes: an orchestration's top intent carries its CLU target's answer", async () => {
        const orchestration = await keyClient(bed, "Concierge").analyzeConversation("book a flight to Oslo tomorrow");
        const prediction = orchestration.result.result.prediction as unknown as {
            projectKind: string;
            topIntent: string;
            intents: Record<string, { result?: { prediction: { topIntent: string } } }>;
        };
        expect(prediction.projectKind).to.equal("Orchestration");
        expect(prediction.intents[prediction.topIntent]?.result?.prediction.topIntent).to.equal("BookFlight");
        const classified = await keyClient(bed, "SupportTickets").analyzeText("CustomSingleLabelClassification", [
            "I was charged twice on my invoice.",
        ]);
        if (classified.result.error !== undefined) expect.fail(classified.result.error.message);
        const [document] = classified.result.results;
        expect(document && !document.error && document.classifications[0]?.category).to.equal("Billing");
    });

    it("returns a request the region refuses (an unknown project) without failing over", async () => {
        await bed.admin.clearRequests();
        const client = keyClient(bed, "NoSuchProject");
        for (let request = 1; request <= testBreaker.failureThreshold + 1; request++) {
            const error = await client.analyzeConversation("hello").then(
                () => expect.fail("answered"),
                (rejected: unknown) => rejected,
            );
            expect(error).to.include({ status: 404, code: "ProjectNotFound", isRetryable: false });
        }
        expect(client.counters()).to.deep.include({
            failovers: 0,
            failed: testBreaker.failureThreshold + 1,
            regionFailures: { primary: 0, secondary: 0 },
        });
        expect(
            (await bed.admin.requests("secondary")).filter((entry) => entry.path.includes(":analyze")),
        ).to.have.length(0);
    });
});
