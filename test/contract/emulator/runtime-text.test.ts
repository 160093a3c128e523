import { expect } from "chai";
import { documentEvaluationResultSchema } from "../../../provider/contract/evaluation-results";
import { pagedSchema, type CustomTextTaskResult, type TextAnalysisJobState } from "../../../provider/contract";
import { textSamples } from "../../fixtures/emulator/sample-projects";
import { deployProject, textTraining } from "./support/deploy-project";
import type { LanguageApi } from "./support/language-api";
import type { RuntimeApi } from "./support/runtime-api";
import { startTestBed, uploadDocuments, type TestBed } from "./support/test-bed";

const samples = textSamples();

function textJob(
    documents: readonly { id: string; text: string; language?: string }[],
    tasks: readonly { kind: string; projectName: string; deploymentName?: string; stringIndexType?: string }[],
) {
    return {
        displayName: "runtime test",
        analysisInput: { documents },
        tasks: tasks.map(({ kind, projectName, deploymentName = "production", stringIndexType }) => ({
            kind,
            taskName: `${kind} task`,
            parameters: {
                projectName,
                deploymentName,
                ...(stringIndexType === undefined ? {} : { stringIndexType }),
            },
        })),
    };
}

function onlyItem(job: TextAnalysisJobState): CustomTextTaskResult {
    expect(job.tasks.items).to.have.length(1);
    return job.tasks.items![0]!;
}

describe("emulator runtime: analyze-text jobs for custom text projects", function () {
    let bed: TestBed;
    let text: LanguageApi;
    let runtime: RuntimeApi;

    before(async () => {
        bed = await startTestBed({ withStorage: true });
        text = bed.api("primary", "analyze-text");
        runtime = bed.runtime("primary");
        for (const sample of Object.values(samples)) {
            await uploadDocuments(
                bed.storage["primary"]!,
                sample.file.metadata.storageInputContainerName,
                sample.documents,
            );
            await deployProject(text, sample.file, textTraining);
        }
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
    });

    after(async () => {
        await bed.stop();
    });

    it("goes notStarted, running, succeeded at the status URL and classifies each document (single-label)", async () => {
        const statusUrl = await runtime.submitTextJob(
            textJob(
                [
                    { id: "a", text: "I was charged twice, please refund my invoice payment.", language: "en" },
                    { id: "b", text: "The website is down and nothing loads since this morning." },
                ],
                [{ kind: "CustomSingleLabelClassification", projectName: "SupportTickets" }],
            ),
        );
        // The test bed's jobs finish on their second status GET.
        const first = await runtime.readTextJob(statusUrl);
        expect(first).to.deep.include({ status: "notStarted", displayName: "runtime test" });
        expect(first.tasks).to.deep.equal({ completed: 0, failed: 0, inProgress: 1, total: 1 });
        const job = await runtime.waitForTextJob(statusUrl);
        expect(job.status).to.equal("succeeded");
        expect(job.tasks).to.include({ completed: 1, failed: 0, inProgress: 0, total: 1 });
        const item = onlyItem(job);
        expect(item).to.include({
            kind: "CustomSingleLabelClassificationLROResults",
            taskName: "CustomSingleLabelClassification task",
            status: "succeeded",
        });
        expect(item.results).to.include({ projectName: "SupportTickets", deploymentName: "production" });
        expect(item.results.errors).to.deep.equal([]);
        const classes = item.results.documents.map((document) =>
            "class" in document ? (document.class as { category: string }[]).map((c) => c.category) : [],
        );
        // The manual split leaves one ticket to learn from, a Billing one: every ticket is Billing.
        expect(classes).to.deep.equal([["Billing"], ["Billing"]]);
    });

    it("gives a multi-label document every class more likely than not", async () => {
        const job = await runtime.runTextJob(
            textJob(
                [{ id: "1", text: "Parliament votes on the budget and the new tax plan." }],
                [{ kind: "CustomMultiLabelClassification", projectName: "NewsTopics" }],
            ),
        );
        const document = onlyItem(job).results.documents[0] as {
            class: { category: string; confidenceScore: number }[];
        };
        expect(document.class.map((c) => c.category)).to.include("Politics");
        expect(document.class.every((c) => c.confidenceScore >= 0.5)).to.equal(true);
    });

    it("finds entities with offsets in the requested string index type", async () => {
        const documentText = "🚀 Northwind Bank pays Adatum Corp on 1 July 2023.";
        const entitiesIn = async (stringIndexType?: string) => {
            const job = await runtime.runTextJob(
                textJob(
                    [{ id: "1", text: documentText }],
                    [{ kind: "CustomEntityRecognition", projectName: "Contracts", stringIndexType }],
                ),
            );
            const document = onlyItem(job).results.documents[0] as {
                entities: { category: string; text: string; offset: number; length: number }[];
            };
            return document.entities.map(({ category, text, offset, length }) => [category, text, offset, length]);
        };
        const utf16 = await entitiesIn("Utf16CodeUnit");
        expect(utf16).to.deep.equal([
            ["Party", "Northwind Bank", 3, 14],
            ["Party", "Adatum Corp", 23, 11],
            ["Date", "1 July 2023", 38, 11],
        ]);
        for (const [, entityText, offset, length] of utf16) {
            expect(documentText.slice(offset as number, (offset as number) + (length as number))).to.equal(entityText);
        }
        // The rocket is 2 UTF-16 code units but 1 code point and 1 text element (the default).
        const shifted = utf16.map(([category, entityText, offset, length]) => [
            category,
            entityText,
            (offset as number) - 1,
            length,
        ]);
        expect(await entitiesIn("UnicodeCodePoint")).to.deep.equal(shifted);
        expect(await entitiesIn()).to.deep.equal(shifted);
    });

    it("reports documents it will not analyze, and analyzes the others", async () => {
        const job = await runtime.runTextJob(
            textJob(
                [
                    { id: "empty", text: "  " },
                    { id: "klingon", text: "nuqneH", language: "tlh" },
                    { id: "fine", text: "Please refund the payment on my invoice." },
                ],
                [{ kind: "CustomSingleLabelClassification", projectName: "SupportTickets" }],
            ),
        );
        const results = onlyItem(job).results;
        expect(results.documents.map((document) => document.id)).to.deep.equal(["fine"]);
        expect(results.errors).to.deep.equal([
            {
                id: "empty",
                error: {
                    code: "InvalidArgument",
                    message: "Invalid document in request.",
                    innererror: { code: "InvalidDocument", message: "Document text is empty." },
                },
            },
            {
                id: "klingon",
                error: {
                    code: "InvalidArgument",
                    message: "Invalid Language Code.",
                    innererror: {
                        code: "UnsupportedLanguageCode",
                        message: 'Invalid language code "tlh": it is not supported by custom text projects.',
                    },
                },
            },
        ]);
    });

    it("adds statistics with showStats and pages documents with top and skip", async () => {
        const statusUrl = await runtime.submitTextJob(
            textJob(
                [
                    { id: "1", text: "Refund my invoice." },
                    { id: "2", text: "" },
                    { id: "3", text: "The site is down." },
                ],
                [{ kind: "CustomSingleLabelClassification", projectName: "SupportTickets" }],
            ),
        );
        await runtime.waitForTextJob(statusUrl);
        const [path] = statusUrl.split("?");
        const page = async (url: string) => onlyItem(await runtime.readTextJob(url));
        const first = await runtime.readTextJob(`${statusUrl}&showStats=true&top=2`);
        const firstResults = onlyItem(first).results;
        expect(firstResults.documents.map((document) => document.id)).to.deep.equal(["1"]);
        expect(firstResults.errors.map((error) => error.id)).to.deep.equal(["2"]);
        expect(firstResults.documents[0]!.statistics).to.deep.equal({ charactersCount: 18, transactionsCount: 1 });
        expect(firstResults.statistics).to.deep.equal({
            documentsCount: 3,
            validDocumentsCount: 2,
            erroneousDocumentsCount: 1,
            transactionsCount: 2,
        });
        expect(first.nextLink).to.equal(`${path}?api-version=2023-04-01&top=2&skip=2&showStats=true`);
        const second = await page(first.nextLink!);
        expect(second.results.documents.map((document) => document.id)).to.deep.equal(["3"]);
        const plain = await runtime.readTextJob(statusUrl);
        expect(plain).to.not.have.property("nextLink");
        expect(onlyItem(plain).results).to.not.have.property("statistics");
    });

    it("fails a task whose project or deployment is missing, and completes the others", async () => {
        const documents = [{ id: "1", text: "Refund my invoice." }];
        const missingProject = await runtime.runTextJob(
            textJob(documents, [{ kind: "CustomSingleLabelClassification", projectName: "Nope" }]),
        );
        expect(missingProject.status).to.equal("failed");
        expect(missingProject.tasks).to.deep.equal({ completed: 0, failed: 1, inProgress: 0, total: 1 });
        expect(missingProject.errors).to.deep.equal([
            { code: "ProjectNotFound", message: 'The project "Nope" could not be found.' },
        ]);
        const partly = await runtime.runTextJob(
            textJob(documents, [
                { kind: "CustomSingleLabelClassification", projectName: "SupportTickets", deploymentName: "staging" },
                { kind: "CustomSingleLabelClassification", projectName: "SupportTickets" },
                { kind: "CustomMultiLabelClassification", projectName: "SupportTickets" },
            ]),
        );
        expect(partly.status).to.equal("partiallyCompleted");
        expect(partly.tasks).to.include({ completed: 1, failed: 2, inProgress: 0, total: 3 });
        expect(partly.errors?.map((error) => error.code)).to.deep.equal(["NotFound", "InvalidRequest"]);
        expect(partly.errors?.[1]?.innererror).to.include({ code: "InvalidParameterValue" });
    });

    it("follows injected job faults and can be cancelled", async () => {
        const body = textJob(
            [{ id: "1", text: "Refund my invoice." }],
            [{ kind: "CustomSingleLabelClassification", projectName: "SupportTickets" }],
        );
        await bed.admin.addFault({
            path: "/analyze-text/jobs$",
            fault: { kind: "failJob", code: "InternalServerError", message: "boom", times: 1 },
        });
        const failed = await runtime.runTextJob(body);
        expect(failed).to.deep.include({
            status: "failed",
            errors: [{ code: "InternalServerError", message: "boom" }],
        });

        await bed.admin.addFault({ path: "/analyze-text/jobs$", fault: { kind: "hangJob", times: 1 } });
        const statusUrl = await runtime.submitTextJob(body);
        const polled = [];
        for (let poll = 0; poll < 4; poll++) {
            polled.push((await runtime.readTextJob(statusUrl)).status);
        }
        expect(polled).to.deep.equal(["notStarted", "running", "running", "running"]);
        const [path, query] = statusUrl.split("?");
        const cancel = await runtime.sendTo("POST", `${path}:cancel?${query}`);
        expect(cancel.status).to.equal(202);
        expect(cancel.headers.get("operation-location")).to.equal(statusUrl);
        expect((await runtime.waitForTextJob(statusUrl)).status).to.equal("cancelled");
        const again = await runtime.sendTo("POST", `${path}:cancel?${query}`);
        expect(again.status).to.equal(409);
    });

    it("predicts each evaluated test document as its evaluation result says", async () => {
        const sample = samples["CustomSingleLabelClassification"]!;
        const items = await text.read(
            "/SupportTickets/models/v1/evaluation/result",
            pagedSchema(documentEvaluationResultSchema),
            { stringIndexType: "Utf16CodeUnit" },
        );
        // Manual split: the two tickets marked Test.
        expect(items.value).to.have.length(2);
        const job = await runtime.runTextJob(
            textJob(
                items.value.map((item) => ({ id: item.location, text: sample.documents[item.location]! })),
                [{ kind: "CustomSingleLabelClassification", projectName: "SupportTickets" }],
            ),
        );
        const predicted = Object.fromEntries(
            onlyItem(job).results.documents.map((document) => [
                document.id,
                (document as { class: { category: string }[] }).class[0]!.category,
            ]),
        );
        for (const item of items.value) {
            if (item.projectKind !== "CustomSingleLabelClassification") throw new Error("wrong kind");
            expect(predicted[item.location]).to.equal(item.customSingleLabelClassificationResult.predictedClass);
        }
    });

    it("serves the stable text api-versions, and 404s unknown jobs and versions", async () => {
        const body = textJob(
            [{ id: "1", text: "Refund my invoice." }],
            [{ kind: "CustomSingleLabelClassification", projectName: "SupportTickets" }],
        );
        const [older, newer] = [
            await runtime.runTextJob(body, "2023-04-01"),
            await runtime.runTextJob(body, "2025-11-01"),
        ];
        expect(onlyItem(newer).results).to.deep.equal(onlyItem(older).results);
        const unknownJob = await runtime.send(
            "GET",
            "/analyze-text/jobs/7d3f2a2e-0000-4000-8000-000000000000",
            "2023-04-01",
        );
        expect(unknownJob.status).to.equal(404);
        expect(unknownJob.body).to.nested.include({ "error.code": "OperationNotFound" });
        const preview = await runtime.send("POST", "/analyze-text/jobs", "2024-11-15-preview", { body });
        expect(preview.status).to.equal(404);
        expect(preview.body).to.deep.equal({ error: { code: "404", message: "Resource not found" } });
    });
});
