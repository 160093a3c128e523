import { expect } from "chai";
import { summarizeEvaluation } from "../../../provider/contract";
import { awaitEvaluation } from "../../../provider/operations/await-evaluation";
import { conversationSummary } from "../../fixtures/contract/evaluation";
import { failureOf } from "../../support/failure-of";
import { recordingContext, scriptedClient } from "../../support/operation-bed";

const notYet = { status: 404, json: { error: { code: "NotFound", message: "The evaluation is not ready." } } };
const evaluated = { status: 200, json: conversationSummary() };

describe("awaitEvaluation: a model's evaluation, read once it exists", () => {
    it("reads the summary while it answers 404, backing off by half each time", async () => {
        const { client, clock, requests, remaining } = scriptedClient(notYet, notYet, evaluated);
        const context = recordingContext(clock);
        const scores = await awaitEvaluation(client, "travel", "m1", context);
        expect(scores).to.deep.equal(summarizeEvaluation(conversationSummary() as never));
        expect(clock.sleeps).to.deep.equal([1_000, 1_500]);
        expect(remaining()).to.equal(0);
        expect(requests.every((request) => request.method === "GET")).to.equal(true);
        const line = `waiting for the evaluation of model "m1" of "travel" on ${client.transport.resourceLabel}: not evaluated yet`;
        expect(context.progressed).to.deep.equal([line, line]);
    });

    it("backs off on the user's schedule, up to its longest wait", async () => {
        const { client, clock } = scriptedClient(notYet, notYet, notYet, notYet, evaluated);
        await awaitEvaluation(
            client,
            "travel",
            "m1",
            recordingContext(clock, { polling: { firstMs: 0, intervalMs: 60, maxMs: 100 } }),
        );
        expect(clock.sleeps).to.deep.equal([60, 90, 100, 100]);
    });

    it("gives up when the deadline comes, after a last wait cut to it", async () => {
        const { client, clock, remaining } = scriptedClient(notYet, notYet, notYet);
        const context = recordingContext(clock, { deadlineMs: 1_200 });
        const error = (await failureOf(awaitEvaluation(client, "travel", "m1", context))) as Error;
        expect(error.message).to.equal(
            `waiting for the evaluation of model "m1" of "travel" on ${client.transport.resourceLabel}: still not evaluated when the gate's time ran out`,
        );
        expect(clock.sleeps).to.deep.equal([1_000, 200]);
        expect(remaining()).to.equal(0);
    });

    it("passes on any other failure at once", async () => {
        const { client, clock } = scriptedClient({
            status: 403,
            json: { error: { code: "Forbidden", message: "no" } },
        });
        const error = (await failureOf(awaitEvaluation(client, "travel", "m1", recordingContext(clock)))) as Error;
        expect(error.message).to.include("403 Forbidden");
        expect(clock.sleeps).to.deep.equal([]);
    });
});
