import { expect } from "chai";
import { remove } from "../../../provider/lifecycle/delete";
import { checkedInputsFor } from "../../support/checked-inputs";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";
import { notFound } from "../../support/service-answers";

/** The outputs of a replica "faq" -> "faq-copy" as delete receives them. */
const outputs = (overrides: Record<string, unknown> = {}) => ({
    ...checkedInputsFor({ secondaryProjectName: "faq-copy", deploymentName: "prod" }),
    secondaryEndpoint: "http://127.0.0.1:9/secondary",
    __urn: undefined,
    ...overrides,
});

/** Runs `call` with console.log captured, for the lines a resource logs outside the engine. */
async function linesOf(call: () => Promise<void>): Promise<string[]> {
    const lines: string[] = [];
    const write = console.log;
    console.log = (line: string) => lines.push(line);
    try {
        await call();
    } finally {
        console.log = write;
    }
    return lines;
}

describe("delete: removing the replica from the secondary", () => {
    it("asks for the replica's deployment and project on the secondary, skipping what is gone", async () => {
        const http = scriptedSend(notFound, notFound);
        await remove("id", outputs(), { send: http.send, clock: new FakeClock() });
        expect(http.requests.map((request) => `${request.method} ${request.url.split("?")[0]}`)).to.deep.equal([
            "GET http://127.0.0.1:9/secondary/language/authoring/analyze-conversations/projects/faq-copy/deployments/prod",
            "GET http://127.0.0.1:9/secondary/language/authoring/analyze-conversations/projects/faq-copy",
        ]);
    });

    it("leaves a retained replica serving, sending nothing, and says where it stays", async () => {
        const http = scriptedSend();
        const lines = await linesOf(() => remove("id", outputs({ onDelete: "retain" }), { send: http.send }));
        expect(http.requests).to.deep.equal([]);
        expect(lines).to.deep.equal([
            '[faq -> faq-copy] onDelete is "retain": the replica stays on http://127.0.0.1:9/secondary',
        ]);
    });
});
