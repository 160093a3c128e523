import { expect } from "chai";
import { projectTrainedModelSchema, trainingJobStateSchema, type TrainingJobState } from "../../../provider/contract";
import { ManualClock } from "../../../emulator/jobs/clock";
import { supportTicketsSingleLabel, travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, textTraining } from "./support/deploy-project";
import { expectBody, expectStatus, type LanguageApi } from "./support/language-api";
import { startTestBed, uploadDocuments, type TestBed } from "./support/test-bed";

const trainingMs = 60_000;

describe("emulator: training jobs as the service shows them", function () {
    let bed: TestBed;
    let clock: ManualClock;
    let clu: LanguageApi;
    let text: LanguageApi;

    before(async () => {
        clock = new ManualClock(Date.parse("2025-06-07T08:09:10Z"));
        bed = await startTestBed({ clock, withStorage: true, jobTiming: { mode: "instant" } });
        clu = bed.api("primary", "analyze-conversations");
        text = bed.api("primary", "analyze-text");
        const tickets = supportTicketsSingleLabel();
        await uploadDocuments(
            bed.storage["primary"]!,
            tickets.file.metadata.storageInputContainerName,
            tickets.documents,
        );
        await clu.importProject(travelConversation());
        await text.importProject(tickets.file);
        await bed.admin.setJobTiming({ mode: "afterMs", ms: trainingMs }, { operation: "train" });
    });

    after(async () => {
        await bed.stop();
    });

    async function poll(api: LanguageApi, statusUrl: string): Promise<TrainingJobState> {
        return expectBody(await api.sendTo("GET", statusUrl), 200, trainingJobStateSchema, `GET ${statusUrl}`);
    }

    describe("conversations", () => {
        it("lists few-example intents and entities in warnings once running, never shows estimatedEndDateTime, and leaves evaluation notStarted", async () => {
            const statusUrl = await clu.trigger("POST", "/TravelBot/:train", { body: conversationTraining });
            const waiting = await poll(clu, statusUrl);
            expect(waiting.status).to.equal("notStarted");
            expect(waiting).to.not.have.property("warnings");

            clock.advance(trainingMs / 4);
            const running = await poll(clu, statusUrl);
            expect(running.status).to.equal("running");
            const project = travelConversation();
            expect(running.warnings?.map((warning) => warning.target)).to.deep.equal([
                ...project.assets.intents.map((intent) => intent.category),
                ...project.assets.entities.map((entity) => entity.category),
            ]);
            expect(running.warnings?.[0]).to.include({ code: "Warning" });
            expect(running.result).to.not.have.property("estimatedEndDateTime");

            clock.advance(trainingMs);
            const done = await poll(clu, statusUrl);
            expect(done.status).to.equal("succeeded");
            expect(done.warnings).to.have.length(running.warnings!.length);
            expect(done.result.trainingStatus).to.include({ status: "succeeded", percentComplete: 100 });
            expect(done.result.evaluationStatus).to.deep.equal({ percentComplete: 0, status: "notStarted" });
            expect(done.result).to.not.have.property("estimatedEndDateTime");
        });

        it("shows dataGenerationStatus where the api-version has data generation", async () => {
            const preview = clu.withVersion("2025-11-15-preview");
            const statusUrl = await preview.trigger("POST", "/TravelBot/:train", {
                body: { ...conversationTraining, modelLabel: "dg" },
            });
            clock.advance(trainingMs);
            const job = await poll(preview, statusUrl);
            expect(job.result).to.deep.include({ dataGenerationStatus: { percentComplete: 0, status: "notStarted" } });
            expect(await poll(clu, statusUrl.replace("2025-11-15-preview", "2023-04-01"))).to.not.have.nested.property(
                "result.dataGenerationStatus",
            );
        });
    });

    describe("text", () => {
        it("shows estimatedEndDateTime while running only, evaluation inside the job, and warnings [] once finished", async () => {
            const statusUrl = await text.trigger("POST", "/SupportTickets/:train", { body: textTraining });
            const created = Date.parse((await poll(text, statusUrl)).createdDateTime);
            const at = (ms: number) => new Date(created + ms).toISOString().replace(".000Z", "Z");
            clock.advance(trainingMs / 4);
            const training = await poll(text, statusUrl);
            expect(training.status).to.equal("running");
            expect(training).to.not.have.property("warnings");
            expect(training.result.trainingStatus.status).to.equal("running");
            expect(training.result.evaluationStatus?.status).to.equal("notStarted");
            expect(training.result.estimatedEndDateTime).to.equal(at(trainingMs));

            clock.advance(trainingMs / 2);
            const evaluating = await poll(text, statusUrl);
            expect(evaluating.status).to.equal("running");
            expect(evaluating.result.trainingStatus).to.include({
                status: "succeeded",
                percentComplete: 100,
                endDateTime: at(trainingMs / 2),
            });
            expect(evaluating.result.evaluationStatus).to.include({
                status: "running",
                startDateTime: at(trainingMs / 2),
            });

            clock.advance(trainingMs);
            const done = await poll(text, statusUrl);
            expect(done.status).to.equal("succeeded");
            expect(done.warnings).to.deep.equal([]);
            expect(done.result).to.not.have.property("estimatedEndDateTime");
            expect(done.result.evaluationStatus).to.include({ status: "succeeded", percentComplete: 100 });
        });

        it("cancels best-effort: a cancel during evaluation goes cancelling, then succeeded with the model", async () => {
            const statusUrl = await text.trigger("POST", "/SupportTickets/:train", {
                body: { ...textTraining, modelLabel: "late" },
            });
            await poll(text, statusUrl);
            clock.advance(trainingMs * 0.75);
            expect((await poll(text, statusUrl)).result.evaluationStatus?.status).to.equal("running");
            const jobId = statusUrl.split("/train/jobs/")[1]!.split("?")[0]!;
            expectStatus(await text.send("POST", `/SupportTickets/train/jobs/${jobId}/:cancel`), 202, "cancel");
            expect((await poll(text, statusUrl)).status).to.equal("cancelling");

            clock.advance(trainingMs);
            const done = await poll(text, statusUrl);
            expect(done.status).to.equal("succeeded");
            await text.read("/SupportTickets/models/late", projectTrainedModelSchema);
        });

        it("cancels a job still training: cancelling, then cancelled without a model", async () => {
            const statusUrl = await text.trigger("POST", "/SupportTickets/:train", {
                body: { ...textTraining, modelLabel: "early" },
            });
            await poll(text, statusUrl);
            clock.advance(trainingMs / 4);
            await poll(text, statusUrl);
            const jobId = statusUrl.split("/train/jobs/")[1]!.split("?")[0]!;
            expectStatus(await text.send("POST", `/SupportTickets/train/jobs/${jobId}/:cancel`), 202, "cancel");
            clock.advance(trainingMs);
            const done = await poll(text, statusUrl);
            expect(done.status).to.equal("cancelled");
            expect(done.warnings).to.deep.equal([]);
            expectStatus(await text.send("GET", "/SupportTickets/models/early"), 404, "no model");
        });
    });
});
