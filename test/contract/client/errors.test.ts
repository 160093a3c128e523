import { expect } from "chai";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { clientFor, failureOf, SteppingClock, waitForJob } from "./support/client-bed";
import { exportedProjectSchema, parseContract } from "../../../provider/contract";

describe("client contract: errors the emulator answers", function () {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        const client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01");
        const file = parseContract(exportedProjectSchema, travelConversation(), "sample");
        await waitForJob(client, (await client.startImport("TravelBot", file)).statusUrl, "importing");
    });

    beforeEach(async () => {
        await bed.admin.clearRequests();
    });

    after(async () => {
        await bed.stop();
    });

    it('turns a wrong key into a 401 with code "401" that never shows the key, and does not retry it', async () => {
        const key = "not-the-key-4f1c9a7e2b";
        const clock = new SteppingClock();
        const client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", { key, clock });
        const failure = await failureOf(client.getProject("TravelBot"));
        expect(failure).to.be.instanceOf(LanguageApiError);
        const error = failure as LanguageApiError;
        expect(error).to.include({ status: 401, code: "401", isRetryable: false });
        expect(error.resource).to.equal(client.transport.resourceLabel);
        expect(error.message).to.contain(`getting project "TravelBot" on ${client.transport.resourceLabel}: 401 401:`);
        expect(error.message).to.contain("invalid subscription key");
        for (const text of [error.message, error.serviceMessage, error.stack ?? "", JSON.stringify(error)]) {
            expect(text).to.not.contain(key);
        }
        expect((await bed.admin.requests("primary")).map((entry) => entry.status)).to.deep.equal([401]);
        expect(clock.sleeps).to.be.empty;
    });

    it("answers a write with a wrong key 401 too, before any job starts", async () => {
        const client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", { key: "wrong" });
        const failure = await failureOf(client.startExport("TravelBot"));
        expect(failure).to.be.instanceOf(LanguageApiError).and.include({ status: 401, code: "401" });
    });

    it("reports a missing project as 404 ProjectNotFound, and findProject as undefined", async () => {
        const client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01");
        const failure = await failureOf(client.getProject("Nowhere"));
        expect(failure).to.be.instanceOf(LanguageApiError);
        const error = failure as LanguageApiError;
        expect(error).to.include({ status: 404, code: "ProjectNotFound", isRetryable: false });
        expect(error.requestId).to.be.a("string").and.not.empty;
        expect(error.message).to.contain('getting project "Nowhere"').and.contain('The project "Nowhere"');
        expect(await client.findProject("Nowhere")).to.equal(undefined);
        expect(await client.findModel("Nowhere", "v1")).to.equal(undefined);
        expect(await client.findDeployment("Nowhere", "production")).to.equal(undefined);
        // Lists of a missing project fail rather than look empty.
        const models = await failureOf(client.listModels("Nowhere"));
        expect(models).to.be.instanceOf(LanguageApiError).and.include({ status: 404, code: "ProjectNotFound" });
    });

    it("does not see a project of the other family", async () => {
        const text = clientFor(bed, "primary", "analyze-text", "2023-04-01");
        expect(await text.findProject("TravelBot")).to.equal(undefined);
    });

    it("names the inner error of a 400 and sends the strict body only when it validates", async () => {
        const client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01");
        const unknownConfig = await failureOf(
            client.startTraining("TravelBot", {
                modelLabel: "v1",
                trainingMode: "standard",
                trainingConfigVersion: "1999-01-01",
            }),
        );
        expect(unknownConfig).to.be.instanceOf(LanguageApiError).and.include({ status: 400, code: "InvalidRequest" });
        expect((unknownConfig as LanguageApiError).innerCodes).to.deep.equal(["InvalidParameterValue"]);
        expect((unknownConfig as LanguageApiError).message).to.contain("(inner: InvalidParameterValue)");

        const misspelt = await failureOf(
            client.startTraining("TravelBot", { modelLabel: "v1", trainingMode: "standard", epochs: 3 } as never),
        );
        expect(misspelt).to.not.be.instanceOf(LanguageApiError);
        expect((await bed.admin.requests("primary")).map((entry) => entry.method)).to.deep.equal(["POST"]);
    });

    it("refuses to send its key to another resource's URL", async () => {
        const primary = clientFor(bed, "primary", "analyze-conversations", "2023-04-01");
        const secondaryUrl = `${bed.resource("secondary").endpoint}/language/authoring/analyze-conversations/projects/X/export/jobs/1/result?api-version=2023-04-01`;
        const failure = await failureOf(primary.getExportedProject(secondaryUrl));
        expect((failure as Error).message).to.contain("refusing to send credentials");
        expect(await bed.admin.requests()).to.be.empty;
    });
});
