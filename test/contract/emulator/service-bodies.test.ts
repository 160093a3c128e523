import { expect } from "chai";
import {
    pagedSchema,
    projectDeploymentSchema,
    projectMetadataSchema,
    projectTrainedModelSchema,
    trainingConfigVersionSchema,
    trainingJobStateSchema,
} from "../../../provider/contract";
import { ManualClock } from "../../../emulator/jobs/clock";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining } from "./support/deploy-project";
import { expectBody, expectStatus, type LanguageApi } from "./support/language-api";
import { startTestBed, type TestBed } from "./support/test-bed";

const merge = "application/merge-patch+json";
const armId = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/other";

describe("emulator: bodies as the service answers them", function () {
    let bed: TestBed;
    let clock: ManualClock;
    let clu: LanguageApi;

    before(async () => {
        // 430 ms past a whole second: what the service writes as `.43`, not `.4300000`.
        clock = new ManualClock(Date.parse("2025-03-04T05:06:07.430Z"));
        bed = await startTestBed({ clock, jobTiming: { mode: "instant" } });
        clu = bed.api("primary", "analyze-conversations");
        await clu.importProject(travelConversation());
        await clu.run("POST", "/TravelBot/:train", { body: conversationTraining }, trainingJobStateSchema);
        await clu.run("PUT", "/TravelBot/deployments/production", { body: { trainedModelLabel: "v1" } });
    });

    after(async () => {
        await bed.stop();
    });

    describe("deploy bodies by api-version", () => {
        it("accepts azureResourceIds (what the SDKs send) at 2025-11-01, and refuses a resource not assigned", async () => {
            const ga = clu.withVersion("2025-11-01");
            await ga.run("PUT", "/TravelBot/deployments/ga", {
                body: { trainedModelLabel: "v1", azureResourceIds: [] },
            });
            const refused = await ga.send("PUT", "/TravelBot/deployments/ga", {
                body: { trainedModelLabel: "v1", azureResourceIds: [armId] },
            });
            expectStatus(refused, 400, "unassigned resource");
            expect(refused.body).to.nested.include({ "error.innererror.target": "azureResourceIds" });
            expect(refused.text).to.include("not assigned");
        });

        it("takes azureResourceIds as {azureResourceId, region} objects at 2025-11-15-preview", async () => {
            const preview = clu.withVersion("2025-11-15-preview");
            await preview.run("PUT", "/TravelBot/deployments/preview", {
                body: { trainedModelLabel: "v1", azureResourceIds: [] },
            });
            const strings = await preview.send("PUT", "/TravelBot/deployments/preview", {
                body: { trainedModelLabel: "v1", azureResourceIds: [armId] },
            });
            expectStatus(strings, 400, "ids where objects belong");
            const deployment = await preview.read("/TravelBot/deployments/preview", projectDeploymentSchema);
            expect(deployment.assignedResources).to.deep.equal([]);
        });

        it("refuses resource fields where the api-version has none", async () => {
            const answer = await clu.send("PUT", "/TravelBot/deployments/old", {
                body: { trainedModelLabel: "v1", azureResourceIds: [] },
            });
            expectStatus(answer, 400, "2023-04-01 has no azureResourceIds");
        });
    });

    describe("training configuration versions", () => {
        it("trains CLU with 2023-04-15, which the service accepts beside 2022-09-01", async () => {
            const job = await clu.run(
                "POST",
                "/TravelBot/:train",
                { body: { ...conversationTraining, modelLabel: "v2023", trainingConfigVersion: "2023-04-15" } },
                trainingJobStateSchema,
            );
            expect(job.result.trainingConfigVersion).to.equal("2023-04-15");
            const model = await clu.read("/TravelBot/models/v2023", projectTrainedModelSchema);
            expect(model.modelTrainingConfigVersion).to.equal("2023-04-15");
        });

        it("lists a catalogue per api-version: the previews add the ConvLevel version", async () => {
            const list = (api: LanguageApi) =>
                api
                    .read("/global/training-config-versions", pagedSchema(trainingConfigVersionSchema), {
                        projectKind: "Conversation",
                    })
                    .then((page) => page.value.map((entry) => entry.trainingConfigVersion));
            expect(await list(clu)).to.deep.equal(["2022-09-01", "2023-04-15"]);
            expect(await list(clu.withVersion("2025-11-15-preview"))).to.deep.equal([
                "2022-09-01",
                "2023-04-15",
                "2025-05-15-preview-ConvLevel",
            ]);
            const refused = await clu.send("POST", "/TravelBot/:train", {
                body: { ...conversationTraining, trainingConfigVersion: "2025-05-15-preview-ConvLevel" },
            });
            expectStatus(refused, 400, "a preview configuration at a stable api-version");
        });
    });

    describe("projects", () => {
        it("answers a PATCH creating a conversations project with 200", async () => {
            const body = { projectKind: "Conversation", projectName: "Created", language: "en" };
            expectBody(
                await clu.send("PATCH", "/Created", { body, contentType: merge }),
                200,
                projectMetadataSchema,
                "create",
            );
        });

        it("leaves lastTrainedDateTime and lastDeployedDateTime out of project details after training and deploying", async () => {
            const details = await clu.read("/TravelBot", projectMetadataSchema);
            expect(details).to.not.have.property("lastTrainedDateTime");
            expect(details).to.not.have.property("lastDeployedDateTime");
            const listed = await clu.read("", pagedSchema(projectMetadataSchema));
            expect(listed.value.find((project) => project.projectName === "TravelBot")).to.not.have.property(
                "lastTrainedDateTime",
            );
        });

        it("knows the text previews' project settings, which the stable versions refuse", async () => {
            const text = bed.api("primary", "analyze-text");
            const body = {
                projectKind: "CustomSingleLabelClassification",
                projectName: "Labelled",
                language: "en",
                storageInputContainerName: "docs",
                settings: { isLabelingLocked: true, runGptPredictions: false, gptPredictiveLookahead: 2 },
            };
            const preview = await text
                .withVersion("2025-05-15-preview")
                .send("PATCH", "/Labelled", { body, contentType: merge });
            expectBody(preview, 201, projectMetadataSchema, "create at 2025-05-15-preview");
            expect(preview.body).to.nested.include({ "settings.isLabelingLocked": true });
            const stable = await text.send("PATCH", "/Labelled", { body, contentType: merge });
            expectStatus(stable, 400, "2023-04-01 settings");
        });

        it("imports a file whose metadata.projectName is null under the URL's name", async () => {
            const file = travelConversation("Unnamed");
            await clu.run("POST", "/Renamed/:import", {
                body: { ...file, metadata: { ...file.metadata, projectName: null } },
            });
            const details = await clu.read("/Renamed", projectMetadataSchema);
            expect(details.projectName).to.equal("Renamed");
        });
    });

    it("writes fractional seconds without trailing zeros", async () => {
        const model = await clu.read("/TravelBot/models/v1", projectTrainedModelSchema);
        expect(model.lastTrainedDateTime).to.equal("2025-03-04T05:06:07.43Z");
        const deployment = await clu.read("/TravelBot/deployments/production", projectDeploymentSchema);
        expect(deployment.lastTrainedDateTime).to.equal("2025-03-04T05:06:07.43Z");
        clock.advance(570);
        await clu.run(
            "POST",
            "/TravelBot/:train",
            { body: { ...conversationTraining, modelLabel: "whole" } },
            trainingJobStateSchema,
        );
        const whole = await clu.read("/TravelBot/models/whole", projectTrainedModelSchema);
        expect(whole.lastTrainedDateTime).to.equal("2025-03-04T05:06:08Z");
    });
});
