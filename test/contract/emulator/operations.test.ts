import { expect } from "chai";
import { z } from "zod";
import {
    conversationEvaluationSummarySchema,
    jobStateSchema,
    pagedSchema,
    projectDeploymentSchema,
    projectMetadataSchema,
    projectTrainedModelSchema,
    supportedApiVersions,
    supportedLanguageSchema,
    trainingConfigVersionSchema,
    trainingJobStateSchema,
    type ApiFamily,
} from "../../../provider/contract";
import { prebuiltEntitySchema } from "../../../provider/contract/prebuilt-entities";
import { ManualClock } from "../../../emulator/jobs/clock";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { expectBody, expectStatus, type LanguageApi } from "./support/language-api";
import { startTestBed, type TestBed } from "./support/test-bed";

const merge = "application/merge-patch+json";
const cluTraining = { modelLabel: "v1", trainingMode: "standard" };

describe("emulator: authoring operations", function () {
    let bed: TestBed;
    let clock: ManualClock;
    let clu: LanguageApi;
    let text: LanguageApi;

    before(async () => {
        clock = new ManualClock(Date.parse("2024-05-06T07:08:09.123Z"));
        bed = await startTestBed({ clock, jobTiming: { mode: "instant" } });
        clu = bed.api("primary", "analyze-conversations");
        text = bed.api("primary", "analyze-text");
    });

    after(async () => {
        await bed.stop();
    });

    describe("projects", () => {
        it("creates a conversations project with 200, updates with 200, and every save moves lastModifiedDateTime", async () => {
            const body = { projectKind: "Conversation", projectName: "Notes", language: "en", description: "first" };
            const created = expectBody(
                await clu.send("PATCH", "/Notes", { body, contentType: merge }),
                200,
                projectMetadataSchema,
                "create",
            );
            expect(created).to.include({
                createdDateTime: "2024-05-06T07:08:09Z",
                lastModifiedDateTime: "2024-05-06T07:08:09Z",
            });
            expect(created).to.not.have.property("lastTrainedDateTime");

            const patch = { description: null, settings: { confidenceThreshold: 0.3 } };
            const updated = expectBody(
                await clu.send("PATCH", "/Notes", { body: patch, contentType: merge }),
                200,
                projectMetadataSchema,
                "update",
            );
            expect(updated).to.not.have.property("description");
            expect(updated.settings).to.deep.equal({ confidenceThreshold: 0.3 });
            expect(updated.createdDateTime).to.equal(created.createdDateTime);
            expect(Date.parse(updated.lastModifiedDateTime)).to.be.greaterThan(
                Date.parse(created.lastModifiedDateTime),
            );
        });

        it("refuses to change the project kind or language once created", async () => {
            const answer = await clu.send("PATCH", "/Notes", { body: { language: "de" }, contentType: merge });
            expectStatus(answer, 400, "patch language");
            expect(answer.body).to.nested.include({
                "error.code": "InvalidRequest",
                "error.innererror.target": "language",
            });
        });

        it("requires the merge-patch content type", async () => {
            const answer = await clu.send("PATCH", "/Notes", { body: { description: "x" } });
            expectStatus(answer, 415, "patch as application/json");
        });

        it("keeps project names unique across families and kinds", async () => {
            const body = {
                projectKind: "CustomEntityRecognition",
                projectName: "Notes",
                language: "en",
                storageInputContainerName: "c",
            };
            const answer = await text.send("PATCH", "/Notes", { body, contentType: merge });
            expectStatus(answer, 409, "same name in the text family");
            expect(answer.body).to.nested.include({ "error.code": "Conflict" });
            expectStatus(await text.send("GET", "/Notes"), 404, "CLU project seen through the text family");
        });

        it("requires storageInputContainerName for text projects", async () => {
            const body = { projectKind: "CustomSingleLabelClassification", projectName: "NoContainer", language: "en" };
            const answer = await text.send("PATCH", "/NoContainer", { body, contentType: merge });
            expectStatus(answer, 400, "text project without container");
            expect(answer.body).to.nested.include({ "error.innererror.target": "storageInputContainerName" });
        });

        it("pages with top, skip and maxpagesize and an absolute nextLink", async () => {
            for (const name of ["PageA", "PageB", "PageC"]) {
                clock.advance(1000);
                const body = { projectKind: "Conversation", projectName: name, language: "en" };
                expectStatus(await clu.send("PATCH", `/${name}`, { body, contentType: merge }), 200, `create ${name}`);
            }
            const paged = pagedSchema(projectMetadataSchema);
            const first = await clu.read("", paged, { maxpagesize: "2", top: "3" });
            expect(first.value.map((p) => p.projectName)).to.deep.equal(["PageC", "PageB"]);
            const next = new URL(first.nextLink!);
            expect(`${next.origin}${next.pathname}`).to.equal(
                `${bed.resource("primary").endpoint}/language/authoring/analyze-conversations/projects`,
            );
            expect(Object.fromEntries(next.searchParams)).to.deep.equal({
                "api-version": "2023-04-01",
                maxpagesize: "2",
                skip: "2",
                top: "1",
            });
            const second = expectBody(await clu.sendTo("GET", first.nextLink!), 200, paged, "next page");
            expect(second.value.map((p) => p.projectName)).to.deep.equal(["PageA"]);
            expect(second.nextLink).to.equal(null);
            expectStatus(await clu.send("GET", "", { query: { top: "-1" } }), 400, "negative top");
        });

        it("deletes through a global deletion job", async () => {
            const location = await clu.trigger("DELETE", "/PageA");
            expect(location).to.match(
                /\/analyze-conversations\/projects\/global\/deletion-jobs\/[0-9a-f-]{36}_\d+\?api-version=2023-04-01$/,
            );
            const job = await clu.waitForJob(location);
            expect(job.status).to.equal("succeeded");
            expectStatus(await clu.send("GET", "/PageA"), 404, "deleted project");
        });
    });

    describe("export and import", () => {
        before(async () => {
            await clu.importProject(travelConversation());
        });

        it("writes the api-version used as projectFileVersion and drops what 2022-05-01 does not know", async () => {
            const current = await clu.exportProject("TravelBot");
            expect(current.projectFileVersion).to.equal("2023-04-01");
            const old = await clu.withVersion("2022-05-01").exportProject("TravelBot");
            expect(old.projectFileVersion).to.equal("2022-05-01");
            const entities = (old.assets as { entities: Record<string, unknown>[] }).entities;
            expect(entities.find((entity) => entity["category"] === "BookingCode")).to.deep.equal({
                category: "BookingCode",
            });
            expect(entities.find((entity) => entity["category"] === "City")).to.have.property("list");
        });

        it("requires stringIndexType on export", async () => {
            const answer = await clu.send("POST", "/TravelBot/:export");
            expectStatus(answer, 400, "export without stringIndexType");
            expect(answer.body).to.nested.include({ "error.innererror.target": "stringIndexType" });
        });

        it("replaces a same-name project on import and moves lastModifiedDateTime", async () => {
            const before = await clu.read("/TravelBot", projectMetadataSchema);
            const file = travelConversation();
            file.assets.intents.push({ category: "Greet" });
            await clu.importProject(file);
            const after = await clu.read("/TravelBot", projectMetadataSchema);
            expect(after.createdDateTime).to.equal(before.createdDateTime);
            expect(Date.parse(after.lastModifiedDateTime)).to.be.greaterThan(Date.parse(before.lastModifiedDateTime));
            expect((await clu.exportProject("TravelBot")).assets).to.deep.equal(file.assets);
        });

        it("drops on import what the importing api-version does not know", async () => {
            await clu.withVersion("2022-05-01").importProject(travelConversation("OldBot"));
            const entities = (await clu.exportProject("OldBot")).assets as { entities: Record<string, unknown>[] };
            expect(entities.entities.find((entity) => entity["category"] === "BookingCode")).to.deep.equal({
                category: "BookingCode",
            });
        });

        it("refuses to import over a same-name project of another kind", async () => {
            const file = {
                ...travelConversation(),
                metadata: { ...travelConversation().metadata, projectKind: "Orchestration" },
            };
            file.assets = { ...file.assets, projectKind: "Orchestration" };
            const answer = await clu.send("POST", "/TravelBot/:import", { body: file });
            expectStatus(answer, 409, "import over another kind");
        });

        it("fails the import job when a label names an undeclared intent", async () => {
            const file = travelConversation("Broken");
            file.assets.utterances[0]!.intent = "Missing";
            const job = await clu.waitForJob(await clu.trigger("POST", "/Broken/:import", { body: file }));
            expect(job.status).to.equal("failed");
            expect(job.errors?.[0]).to.deep.include({ code: "InvalidRequest", target: "assets.utterances[0].intent" });
            expectStatus(await clu.send("GET", "/Broken"), 404, "failed import created nothing");
        });
    });

    describe("training, models and deployments", () => {
        it("trains, lists jobs, serves models and evaluation", async () => {
            const job = await clu.run("POST", "/TravelBot/:train", { body: cluTraining }, trainingJobStateSchema);
            expect(job.result).to.include({
                modelLabel: "v1",
                trainingConfigVersion: "2022-09-01",
                trainingMode: "standard",
            });
            // CLU evaluates after the job: a succeeded job leaves evaluation notStarted, as the service does.
            expect(job.result.evaluationStatus).to.include({ status: "notStarted", percentComplete: 0 });
            expect(Date.parse(job.expirationDateTime!) - Date.parse(job.createdDateTime)).to.equal(
                7 * 24 * 3600 * 1000,
            );
            expect(job.jobId).to.match(/^[0-9a-f-]{36}_\d+$/);

            const jobs = await clu.read("/TravelBot/train/jobs", pagedSchema(trainingJobStateSchema));
            expect(jobs.value.map((listed) => listed.jobId)).to.include(job.jobId);
            const models = await clu.read("/TravelBot/models", pagedSchema(projectTrainedModelSchema));
            expect(models.value.map((model) => model.label)).to.deep.equal(["v1"]);
            const summary = await clu.read(
                "/TravelBot/models/v1/evaluation/summary-result",
                conversationEvaluationSummarySchema,
            );
            expect(summary.intentsEvaluation.intents).to.have.keys("None", "BookFlight", "CancelBooking", "Greet");
            expect(summary.intentsEvaluation.microF1).to.be.within(0, 1);
            expectStatus(
                await clu.send("GET", "/TravelBot/models/v1/evaluation/result"),
                400,
                "results without stringIndexType",
            );
        });

        it("omits hasSnapshot and load-snapshot in 2022-05-01", async () => {
            const old = clu.withVersion("2022-05-01");
            expect(await old.read("/TravelBot/models/v1", projectTrainedModelSchema)).to.not.have.property(
                "hasSnapshot",
            );
            expectStatus(
                await old.send("POST", "/TravelBot/models/v1/:load-snapshot"),
                404,
                "load-snapshot in 2022-05-01",
            );
        });

        it("deploys, swaps and deletes deployments", async () => {
            await clu.run("PUT", "/TravelBot/deployments/production", { body: { trainedModelLabel: "v1" } });
            await clu.run(
                "POST",
                "/TravelBot/:train",
                { body: { ...cluTraining, modelLabel: "v2" } },
                trainingJobStateSchema,
            );
            await clu.run("PUT", "/TravelBot/deployments/staging", { body: { trainedModelLabel: "v2" } });
            const deployments = z.record(z.string(), z.string());
            const modelIds = async () => {
                const page = await clu.read("/TravelBot/deployments", pagedSchema(projectDeploymentSchema));
                return deployments.parse(Object.fromEntries(page.value.map((d) => [d.deploymentName, d.modelId])));
            };
            const before = await modelIds();
            const swapUrl = await clu.trigger("POST", "/TravelBot/deployments/:swap", {
                body: { firstDeploymentName: "production", secondDeploymentName: "staging" },
            });
            expect(swapUrl).to.match(/\/deployments\/swap\/jobs\//);
            expect((await clu.waitForJob(swapUrl)).status).to.equal("succeeded");
            expect(await modelIds()).to.deep.equal({ production: before["staging"], staging: before["production"] });

            const deleteUrl = await clu.trigger("DELETE", "/TravelBot/deployments/staging");
            expect(deleteUrl).to.match(/\/deployments\/staging\/jobs\//);
            expect((await clu.waitForJob(deleteUrl)).status).to.equal("succeeded");
            expectStatus(await clu.send("GET", "/TravelBot/deployments/staging"), 404, "deleted deployment");
        });

        it("needs a trained model to deploy", async () => {
            const answer = await clu.send("PUT", "/TravelBot/deployments/x", { body: { trainedModelLabel: "nope" } });
            expectStatus(answer, 400, "deploy a missing model");
            expect(answer.body).to.nested.include({ "error.innererror.target": "trainedModelLabel" });
        });

        it("deletes an undeployed model synchronously with 204", async () => {
            const answer = await clu.send("DELETE", "/TravelBot/models/v1");
            expectStatus(answer, 204, "delete model");
            expectStatus(await clu.send("GET", "/TravelBot/models/v1"), 404, "deleted model");
        });

        it("loads a snapshot back as the working copy", async () => {
            await bed.admin.editProject("primary", "TravelBot", { op: "removeIntent", category: "Greet" });
            const edited = await clu.read("/TravelBot", projectMetadataSchema);
            const job = await clu.run("POST", "/TravelBot/models/v2/:load-snapshot", {});
            expect(jobStateSchema.parse(job).status).to.equal("succeeded");
            const restored = await clu.exportProject("TravelBot");
            expect((restored.assets as { intents: { category: string }[] }).intents.map((i) => i.category)).to.include(
                "Greet",
            );
            const after = await clu.read("/TravelBot", projectMetadataSchema);
            expect(Date.parse(after.lastModifiedDateTime)).to.be.greaterThan(Date.parse(edited.lastModifiedDateTime));
        });

        it("adds empty assignedResources to deployments in 2025-11-01", async () => {
            const latest = clu.withVersion("2025-11-01");
            const deployment = await latest.read("/TravelBot/deployments/production", projectDeploymentSchema);
            expect(deployment.assignedResources).to.deep.equal([]);
            const answer = await latest.send("PUT", "/TravelBot/deployments/other", {
                body: {
                    trainedModelLabel: "v2",
                    assignedResourceIds: [
                        "/subscriptions/x/resourceGroups/y/providers/Microsoft.CognitiveServices/accounts/z",
                    ],
                },
            });
            expectStatus(answer, 400, "deploy to an unassigned resource");
        });
    });

    describe("training jobs", () => {
        it("cancels a running training job: cancelling, then cancelled", async () => {
            await bed.admin.setJobTiming({ mode: "afterPolls", polls: 2 }, { operation: "train" });
            const statusUrl = await clu.trigger("POST", "/TravelBot/:train", {
                body: { ...cluTraining, modelLabel: "v3" },
            });
            const cancelUrl = await clu.trigger(
                "POST",
                `/TravelBot/train/jobs/${statusUrl.split("/jobs/")[1]!.split("?")[0]}/:cancel`,
            );
            expect(cancelUrl).to.equal(statusUrl);
            const cancelling = expectBody(await clu.sendTo("GET", statusUrl), 200, trainingJobStateSchema, "poll 1");
            expect(cancelling.status).to.equal("cancelling");
            const cancelled = expectBody(await clu.sendTo("GET", statusUrl), 200, trainingJobStateSchema, "poll 2");
            expect(cancelled.status).to.equal("cancelled");
            expectStatus(await clu.send("GET", "/TravelBot/models/v3"), 404, "no model from a cancelled training");
            await bed.admin.resetJobTiming();
        });

        it("rejects an unknown training config version", async () => {
            const answer = await clu.send("POST", "/TravelBot/:train", {
                body: { ...cluTraining, trainingConfigVersion: "1999-01-01" },
            });
            expectStatus(answer, 400, "unknown config");
            expect(answer.body).to.nested.include({ "error.innererror.target": "trainingConfigVersion" });
        });
    });

    describe("api-versions", () => {
        for (const [family, versions] of Object.entries(supportedApiVersions)) {
            for (const apiVersion of versions) {
                it(`serves ${family} at ${apiVersion}: create, list, export with that projectFileVersion`, async () => {
                    const api = bed.api("secondary", family as ApiFamily, apiVersion);
                    const projectName = `V${apiVersion.replaceAll("-", "")}${family === "analyze-text" ? "Text" : "Clu"}`;
                    const body =
                        family === "analyze-text"
                            ? {
                                  projectKind: "CustomSingleLabelClassification",
                                  projectName,
                                  language: "en",
                                  storageInputContainerName: "c",
                              }
                            : { projectKind: "Conversation", projectName, language: "en" };
                    expectBody(
                        await api.send("PATCH", `/${projectName}`, { body, contentType: merge }),
                        family === "analyze-text" ? 201 : 200,
                        projectMetadataSchema,
                        "create",
                    );
                    const listed = await api.read("", pagedSchema(projectMetadataSchema));
                    expect(listed.value.map((project) => project.projectName)).to.include(projectName);
                    const statusUrl = await api.trigger("POST", `/${projectName}/:export`, {
                        query: { stringIndexType: "Utf16CodeUnit" },
                    });
                    expect(new URL(statusUrl).searchParams.get("api-version")).to.equal(apiVersion);
                    expect((await api.exportProject(projectName)).projectFileVersion).to.equal(apiVersion);
                });
            }
        }
    });

    describe("global", () => {
        it("lists languages, training config versions and prebuilt entities", async () => {
            const languages = await clu.read("/global/languages", pagedSchema(supportedLanguageSchema), {
                projectKind: "Conversation",
            });
            expect(languages.value.map((language) => language.languageCode)).to.include("en-us");
            expectStatus(await clu.send("GET", "/global/languages"), 400, "CLU languages without projectKind");
            await text.read("/global/languages", pagedSchema(supportedLanguageSchema));
            const configs = await text.read(
                "/global/training-config-versions",
                pagedSchema(trainingConfigVersionSchema),
                {
                    projectKind: "CustomEntityRecognition",
                },
            );
            expect(configs.value[0]).to.include({ trainingConfigVersion: "2022-05-01" });
            const prebuilts = await clu.read("/global/prebuilt-entities", pagedSchema(prebuiltEntitySchema), {
                language: "en-us",
            });
            expect(prebuilts.value.map((entity) => entity.category)).to.include("DateTime");
            expectStatus(await text.send("GET", "/global/prebuilt-entities"), 404, "prebuilt entities are CLU only");
        });
    });
});
