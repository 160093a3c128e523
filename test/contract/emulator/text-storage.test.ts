import { expect } from "chai";
import { trainingJobStateSchema } from "../../../provider/contract";
import { startEmulator, type RunningEmulator } from "../../../emulator/start-emulator";
import { startAzurite, type RunningAzurite } from "../../../emulator/storage/azurite";
import { contractsEntityRecognition, supportTicketsSingleLabel } from "../../fixtures/emulator/sample-projects";
import { LanguageApi } from "./support/language-api";
import { uploadDocuments } from "./support/test-bed";

describe("emulator: custom text projects read their documents from linked storage", function () {
    let azurite: RunningAzurite;
    let emulator: RunningEmulator;
    let linked: LanguageApi;
    let unlinked: LanguageApi;

    before(async () => {
        azurite = await startAzurite();
        emulator = await startEmulator({
            port: 0,
            rateLimits: false,
            jobTiming: { mode: "instant" },
            resources: [
                {
                    name: "linked",
                    region: "westeurope",
                    keys: ["k1", "k2"],
                    storage: { connectionString: azurite.connectionString },
                },
                { name: "unlinked", region: "northeurope", keys: ["k3", "k4"] },
            ],
        });
        linked = new LanguageApi(emulator.resources[0]!.endpoint, "k1", "analyze-text");
        unlinked = new LanguageApi(emulator.resources[1]!.endpoint, "k3", "analyze-text");
    });

    after(async () => {
        await emulator.stop();
        await azurite.stop();
    });

    it("fails the import when the resource has no linked storage, naming container and resource", async () => {
        const job = await unlinked.waitForJob(
            await unlinked.trigger("POST", "/SupportTickets/:import", { body: supportTicketsSingleLabel().file }),
        );
        expect(job.status).to.equal("failed");
        expect(job.errors?.[0]?.message)
            .to.contain('"tickets"')
            .and.contain('"unlinked"')
            .and.contain("no linked storage");
    });

    it("fails the import when the container does not exist in the linked storage", async () => {
        const job = await linked.waitForJob(
            await linked.trigger("POST", "/SupportTickets/:import", { body: supportTicketsSingleLabel().file }),
        );
        expect(job.status).to.equal("failed");
        expect(job.errors?.[0]).to.deep.include({
            code: "InvalidRequest",
            target: "metadata.storageInputContainerName",
        });
        expect(job.errors?.[0]?.message).to.contain('container "tickets" does not exist').and.contain('"linked"');
    });

    it("fails the training when a document is missing, naming the document", async () => {
        const sample = contractsEntityRecognition();
        const { ["contracts/loan.txt"]: _missing, ...present } = sample.documents;
        await uploadDocuments(azurite.connectionString, "contracts", present);
        await linked.importProject(sample.file);
        const job = await linked.waitForJob(
            await linked.trigger("POST", "/Contracts/:train", {
                body: { modelLabel: "m", trainingConfigVersion: "latest" },
            }),
            trainingJobStateSchema,
        );
        expect(job.status).to.equal("failed");
        expect(job.result.trainingStatus.status).to.equal("failed");
        expect(job.errors).to.have.length(1);
        expect(job.errors?.[0]).to.deep.include({ target: "assets.documents[1].location" });
        expect(job.errors?.[0]?.innererror).to.include({ code: "InvalidDocument" });
        expect(job.errors?.[0]?.message).to.contain('"contracts/loan.txt"');
    });

    it("trains once every document is there", async () => {
        await uploadDocuments(azurite.connectionString, "contracts", contractsEntityRecognition().documents);
        const answer = await linked.send("POST", "/Contracts/:train", {
            body: { modelLabel: "m", trainingConfigVersion: "latest" },
        });
        // The service answers the text train with operation-location only (no extra `location`).
        expect(answer.headers.get("location")).to.equal(null);
        const job = await linked.waitForJob(answer.headers.get("operation-location")!);
        expect(job.status).to.equal("succeeded");
    });
});
