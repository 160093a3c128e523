import { expect } from "chai";
import { errorResponseSchema, parseContract, type ErrorDetail } from "../../../provider/contract";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject } from "./support/deploy-project";
import { expectStatus, type Answer } from "./support/language-api";
import { conversationTask, type RuntimeApi } from "./support/runtime-api";
import { startTestBed, type TestBed } from "./support/test-bed";

function errorOf(answer: Answer, status: number): ErrorDetail {
    expectStatus(answer, status, "error answer");
    return parseContract(errorResponseSchema, answer.body, "error body").error;
}

const textBody = (documents: unknown[], tasks: unknown[] = [singleLabelTask]) => ({
    analysisInput: { documents },
    tasks,
});
const singleLabelTask = {
    kind: "CustomSingleLabelClassification",
    parameters: { projectName: "SupportTickets", deploymentName: "production" },
};

describe("emulator runtime: errors as the service spells them", function () {
    let bed: TestBed;
    let runtime: RuntimeApi;

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        runtime = bed.runtime("primary");
        await deployProject(bed.api("primary", "analyze-conversations"), travelConversation(), conversationTraining);
    });

    after(async () => {
        await bed.stop();
    });

    const conversations = (body: unknown, apiVersion = "2023-04-01") =>
        runtime.send("POST", "/:analyze-conversations", apiVersion, { body });

    it("rejects a missing or wrong key like the authoring API does: the gateway's 401 with only apim-request-id", async () => {
        const auths: Readonly<Record<string, string>>[] = [{}, { "Ocp-Apim-Subscription-Key": "secondary-key-1" }];
        for (const auth of auths) {
            for (const answer of [
                await runtime.send("POST", "/:analyze-conversations", "2023-04-01", {
                    body: conversationTask("TravelBot", "hi"),
                    auth,
                }),
                await runtime.send("POST", "/analyze-text/jobs", "2023-04-01", { body: textBody([]), auth }),
            ]) {
                expect(errorOf(answer, 401).code).to.equal("401");
                expect(answer.headers.get("apim-request-id")).to.be.a("string");
                expect(answer.headers.get("x-ms-region")).to.equal(null);
            }
        }
    });

    it("answers ProjectNotFound and NotFound for an unknown project or deployment, with x-ms-error-code", async () => {
        const project = await conversations(conversationTask("Nope", "hi"));
        expect(errorOf(project, 404)).to.deep.equal({
            code: "ProjectNotFound",
            message: 'The project "Nope" could not be found.',
            target: "projectName",
        });
        expect(project.headers.get("x-ms-error-code")).to.equal("ProjectNotFound");
        const deployment = await conversations(conversationTask("TravelBot", "hi", { deploymentName: "staging" }));
        expect(errorOf(deployment, 404)).to.deep.equal({
            code: "NotFound",
            message: 'The deployment "staging" could not be found.',
        });
        for (const version of ["2022-05-01", "2024-11-01"]) {
            const answer = await conversations(conversationTask("Nope", "hi"), version);
            expect(errorOf(answer, 404).code).to.equal("ProjectNotFound");
            expect(answer.headers.get("x-ms-error-code"), version).to.equal("ProjectNotFound");
        }
    });

    it("names the offending field of an invalid body", async () => {
        const cases: [body: unknown, target: string][] = [
            [
                { ...conversationTask("TravelBot", "hi"), parameters: { projectName: "TravelBot" } },
                "parameters.deploymentName",
            ],
            [{ ...conversationTask("TravelBot", "hi"), kind: "ConversationalSummarizationTask" }, "kind"],
            [conversationTask("TravelBot", "hi", { stringIndexType: "Utf8CodeUnit" }), "parameters.stringIndexType"],
            [conversationTask("TravelBot", "hi", { unknown: true }), "parameters.unknown"],
            [conversationTask("TravelBot", ""), "analysisInput.conversationItem.text"],
            [conversationTask("TravelBot", "x".repeat(1001)), "analysisInput.conversationItem.text"],
        ];
        for (const [body, target] of cases) {
            const error = errorOf(await conversations(body), 400);
            expect(error, target).to.include({ code: "InvalidRequest", target });
            expect(error.innererror, target).to.include({ code: "InvalidParameterValue" });
        }
        const text = errorOf(
            await runtime.send("POST", "/analyze-text/jobs", "2023-04-01", {
                body: textBody([{ id: "1", text: "hi" }], [{ kind: "SentimentAnalysis", parameters: {} }]),
            }),
            400,
        );
        expect(text).to.include({ code: "InvalidRequest", target: "tasks[0].kind" });
    });

    it("rejects an empty or malformed body", async () => {
        const url = runtime.url("/:analyze-conversations", "2023-04-01");
        const headers = { "Ocp-Apim-Subscription-Key": runtime.key, "content-type": "application/json" };
        const send = async (body: string) => {
            const response = await fetch(url, { method: "POST", headers, body });
            return { status: response.status, body: (await response.json()) as { error: ErrorDetail } };
        };
        const empty = await send("");
        expect(empty.status).to.equal(400);
        expect(empty.body.error.innererror).to.include({ code: "EmptyRequest" });
        const malformed = await send("{");
        expect(malformed.status).to.equal(400);
        expect(malformed.body.error.innererror).to.include({ code: "InvalidRequestBodyFormat" });
    });

    it("refuses a text job the service would refuse whole", async () => {
        const submit = (body: unknown) => runtime.send("POST", "/analyze-text/jobs", "2023-04-01", { body });
        const innerCode = async (body: unknown) => errorOf(await submit(body), 400).innererror?.code;
        expect(await innerCode(textBody([]))).to.equal("MissingInputDocuments");
        const many = Array.from({ length: 26 }, (_, index) => ({ id: String(index), text: "hello" }));
        expect(await innerCode(textBody(many))).to.equal("InvalidDocumentBatch");
        expect(await innerCode(textBody([{ id: "1", text: "x".repeat(125_001) }]))).to.equal("InvalidDocumentBatch");
        expect(
            await innerCode(
                textBody([
                    { id: "1", text: "a" },
                    { id: "1", text: "b" },
                ]),
            ),
        ).to.equal("InvalidDocument");
        expect(await innerCode(textBody([{ id: "1", text: "a" }], []))).to.equal("InvalidParameterValue");
        // At the limits exactly, the job is accepted.
        const full = Array.from({ length: 25 }, (_, index) => ({ id: String(index), text: "x".repeat(5000) }));
        expect((await submit(textBody(full))).status).to.equal(202);
    });

    it("takes names like constructor and __proto__ for plain names", async () => {
        const project = await conversations(conversationTask("constructor", "hi"));
        expect(errorOf(project, 404).code).to.equal("ProjectNotFound");
        const deployment = await conversations(conversationTask("TravelBot", "hi", { deploymentName: "toString" }));
        expect(errorOf(deployment, 404).code).to.equal("NotFound");
        const job = await runtime.send("GET", "/analyze-text/jobs/constructor", "2023-04-01");
        expect(errorOf(job, 404).code).to.equal("OperationNotFound");
        const statusUrl = await runtime.submitTextJob(
            textBody([
                { id: "__proto__", text: "hello" },
                { id: "constructor", text: "" },
            ]),
        );
        const finished = await runtime.waitForTextJob(statusUrl);
        expect(finished.errors?.[0]?.code).to.equal("ProjectNotFound");
    });

    it("answers the gateway's 404 for an unknown runtime path", async () => {
        for (const path of ["/analyze-text", "/:analyze-text-custom", "/analyze-conversations/jobs"]) {
            const answer = await runtime.send("POST", path, "2023-04-01", { body: {} });
            expect(answer.status, path).to.equal(404);
            expect(answer.body).to.deep.equal({ error: { code: "404", message: "Resource not found" } });
        }
    });
});
