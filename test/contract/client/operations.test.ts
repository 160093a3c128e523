import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import {
    apiFamilySchema,
    apiVersionSchema,
    exportedProjectSchema,
    familyOfKind,
    parseContract,
    summarizeEvaluation,
    supportedApiVersions,
    type ApiFamily,
    type ApiVersion,
    type CreateProjectOptions,
    type ExportedProject,
    type ProjectKind,
} from "../../../provider/contract";
import type { ProjectEdit } from "../../../emulator/admin/admin-schemas";
import { JobFailedError } from "../../../provider/lro/job-errors";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import {
    contractsEntityRecognition,
    supportTicketsSingleLabel,
    travelConversation,
} from "../../fixtures/emulator/sample-projects";
import { startTestBed, uploadDocuments, type TestBed } from "../emulator/support/test-bed";
import { clientFor, failureOf, waitForJob, waitForTraining } from "./support/client-bed";

/** One project kind of one family, with the sample file it starts from and its training body. */
interface Subject {
    readonly family: ApiFamily;
    readonly kind: ProjectKind;
    readonly file: (projectName: string) => unknown;
    readonly training: (modelLabel: string) => Parameters<AuthoringClient["startTraining"]>[1];
    /** A Language Studio edit that changes the working copy. */
    readonly edit: ProjectEdit;
}

const subjects: readonly Subject[] = [
    {
        family: "analyze-text",
        kind: "CustomSingleLabelClassification",
        file: (name) => supportTicketsSingleLabel(name).file,
        training: (modelLabel) => ({ modelLabel, trainingConfigVersion: "latest" }),
        edit: { op: "addClass", category: "Spam" },
    },
    {
        family: "analyze-text",
        kind: "CustomEntityRecognition",
        file: (name) => contractsEntityRecognition(name).file,
        training: (modelLabel) => ({ modelLabel, trainingConfigVersion: "2022-05-01" }),
        edit: { op: "addEntity", entity: { category: "Amount" } },
    },
    {
        family: "analyze-conversations",
        kind: "Conversation",
        file: (name) => travelConversation(name),
        training: (modelLabel) => ({ modelLabel, trainingMode: "standard" }),
        edit: { op: "addIntent", intent: { category: "Greet" } },
    },
];

/** The fields of the metadata the client may send back in a merge-patch (the schema is strict). */
function optionsOf(file: ExportedProject, description: string): CreateProjectOptions {
    const { projectKind, projectName, language, storageInputContainerName } = file.metadata;
    return {
        projectKind,
        projectName,
        language,
        description,
        ...(storageInputContainerName === undefined ? {} : { storageInputContainerName }),
    };
}

describe("client contract: every operation against the emulator", function () {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({ withStorage: true, jobTiming: { mode: "instant" } });
        const storage = bed.storage["primary"]!;
        await uploadDocuments(storage, "tickets", supportTicketsSingleLabel().documents);
        await uploadDocuments(storage, "contracts", contractsEntityRecognition().documents);
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
    });

    after(async () => {
        await bed.stop();
    });

    for (const subject of subjects) {
        for (const apiVersion of supportedApiVersions[subject.family]) {
            describeLifecycle(() => bed, subject, apiVersion);
        }
    }

    it("serves the api-versions the client allows for each family, and refuses the others like the gateway", async () => {
        // What the client offers per family must be what the service answers: checked, not copied.
        for (const family of apiFamilySchema.options) {
            for (const apiVersion of apiVersionSchema.options) {
                const client = clientFor(bed, "primary", family, apiVersion);
                const answered = await client.listProjects().then(
                    () => "served",
                    (error: unknown) => (error instanceof LanguageApiError && error.status === 404 ? "404" : error),
                );
                const expected = supportedApiVersions[family].includes(apiVersion) ? "served" : "404";
                expect(answered, `${family} at ${apiVersion}`).to.equal(expected);
            }
        }
    });
});

function describeLifecycle(bedOf: () => TestBed, subject: Subject, apiVersion: ApiVersion): void {
    const { family, kind } = subject;
    const project = `${kind.replace(/^Custom/, "").slice(0, 12)}${apiVersion.replaceAll("-", "")}`;
    const snapshots = apiVersion !== "2022-05-01";

    describe(`${family} ${apiVersion}: ${kind} project "${project}"`, () => {
        let client: AuthoringClient;
        let file: ExportedProject;
        let trainingUrl: string;
        const modelIds: Record<string, string> = {};

        before(() => {
            client = clientFor(bedOf(), "primary", family, apiVersion);
            file = parseContract(exportedProjectSchema, subject.file(project), "sample project file");
        });

        it("lists the languages and training config versions of the kind", async () => {
            const languages = await client.listLanguages(kind);
            expect(languages.map((language) => language.languageCode)).to.include(
                family === "analyze-text" ? "en" : "en-us",
            );
            const configs = await client.listTrainingConfigVersions(kind);
            expect(configs).to.not.be.empty;
            expect(configs[0]!.modelExpirationDate).to.match(/^\d{4}-\d{2}-\d{2}$/);
        });

        it("imports a project file and waits for the import job", async () => {
            const { statusUrl } = await client.startImport(project, file);
            expect(statusUrl).to.contain(`/${family}/projects/${project}/import/jobs/`);
            expect(new URL(statusUrl).searchParams.get("api-version")).to.equal(apiVersion);
            const job = await waitForJob(client, statusUrl, `importing "${project}"`);
            expect(job.status).to.equal("succeeded");
        });

        it("lists, gets and finds the project", async () => {
            const listed = await client.listProjects();
            expect(listed.map((p) => p.projectName)).to.include(project);
            expect(listed.every((p) => familyOfKind(p.projectKind) === family)).to.equal(true);
            const got = await client.getProject(project);
            expect(got).to.include({ projectName: project, projectKind: kind, language: file.metadata.language });
            expect(await client.findProject(project)).to.deep.equal(got);
        });

        it("updates the project's metadata with a merge-patch", async () => {
            const before = await client.getProject(project);
            const updated = await client.updateProject(project, optionsOf(file, "replicated by the client"));
            expect(updated).to.include({ projectName: project, description: "replicated by the client" });
            expect(updated.createdDateTime).to.equal(before.createdDateTime);
            expect((await client.getProject(project)).description).to.equal("replicated by the client");
        });

        it("exports the working copy, polls the export job and downloads the file", async () => {
            const { statusUrl } = await client.startExport(project);
            const job = await waitForJob(client, statusUrl, `exporting "${project}"`);
            expect(job.status).to.equal("succeeded");
            expect(job.resultUrl).to.be.a("string");
            const exported = await client.getExportedProject(job.resultUrl!);
            expect(exported.projectFileVersion).to.equal(apiVersion);
            expect(exported.metadata).to.include({
                projectName: project,
                projectKind: kind,
                description: "replicated by the client",
            });
            expect(exported.assets?.projectKind).to.equal(kind);
            // What one resource exports, another imports unchanged: the replication round trip.
            const reimport = await client.startImport(project, exported);
            expect((await waitForJob(client, reimport.statusUrl, `re-importing "${project}"`)).status).to.equal(
                "succeeded",
            );
        });

        it("trains a model, lists the job and finds it again through trainingJobStatusUrl", async () => {
            const started = await client.startTraining(project, subject.training("v1"));
            trainingUrl = started.statusUrl;
            const job = await waitForTraining(client, started.statusUrl, `training "${project}"`);
            expect(job.status).to.equal("succeeded");
            expect(job.result.modelLabel).to.equal("v1");
            expect(job.result.trainingStatus).to.include({ status: "succeeded", percentComplete: 100 });

            const jobs = await client.listTrainingJobs(project);
            const listed = jobs.find((candidate) => candidate.jobId === job.jobId);
            expect(listed?.result.modelLabel).to.equal("v1");
            const adopted = client.trainingJobStatusUrl(project, job.jobId);
            expect(adopted).to.equal(trainingUrl);
            const again = await client.pollTrainingJob(adopted, `polling "${project}" again`);
            expect(again.state).to.deep.include({ jobId: job.jobId, status: "succeeded" });
        });

        it("cancels a running training job", async () => {
            await bedOf().admin.addFault({
                method: "POST",
                path: `/projects/${project}/:train$`,
                fault: { kind: "hangJob" },
            });
            const started = await client.startTraining(project, subject.training("cancelled"));
            const running = (await client.listTrainingJobs(project)).filter((job) => job.status !== "succeeded");
            expect(running).to.have.length(1);
            const jobId = running[0]!.jobId;
            expect(client.trainingJobStatusUrl(project, jobId)).to.equal(started.statusUrl);

            const cancel = await client.startCancelTraining(project, jobId);
            expect(cancel.statusUrl).to.equal(started.statusUrl);
            const failure = await failureOf(waitForTraining(client, cancel.statusUrl, `training "${project}"`));
            expect(failure).to.be.instanceOf(JobFailedError);
            expect((failure as JobFailedError).job.status).to.equal("cancelled");
            expect(await client.findModel(project, "cancelled")).to.equal(undefined);

            const finished = await failureOf(client.startCancelTraining(project, jobId));
            expect(finished).to.be.instanceOf(LanguageApiError).and.include({ status: 409, code: "Conflict" });
        });

        it("lists, gets and finds models and reads an evaluation summary", async () => {
            const second = await client.startTraining(project, subject.training("v2"));
            expect((await waitForTraining(client, second.statusUrl, `training "${project}" v2`)).status).to.equal(
                "succeeded",
            );
            const models = await client.listModels(project);
            expect(models.map((model) => model.label)).to.deep.equal(["v1", "v2"]);
            for (const model of models) {
                modelIds[model.label] = model.modelId;
            }
            expect(modelIds["v1"]).to.not.equal(modelIds["v2"]);
            const v1 = await client.getModel(project, "v1");
            expect(v1).to.deep.equal(models[0]);
            if (snapshots) {
                expect(v1.hasSnapshot).to.equal(true);
            } else {
                expect(v1).to.not.have.property("hasSnapshot");
            }
            expect(await client.findModel(project, "v2")).to.deep.equal(models[1]);
            expect(await client.findModel(project, "v9")).to.equal(undefined);

            const summary = await client.getEvaluationSummary(project, "v1");
            if (family === "analyze-text") {
                expect(summary).to.have.property("projectKind", kind);
            } else {
                expect(summary).to.have.property("intentsEvaluation");
            }
            const scores = summarizeEvaluation(summary);
            expect(scores.microF1).to.be.within(0, 1);
            expect(scores.macroF1).to.be.within(0, 1);
        });

        it("deploys two models, then lists, gets and finds the deployments", async () => {
            for (const [deployment, label] of [
                ["production", "v1"],
                ["staging", "v2"],
            ] as const) {
                const { statusUrl } = await client.startDeploy(project, deployment, { trainedModelLabel: label });
                expect(statusUrl).to.contain(`/deployments/${deployment}/jobs/`);
                const job = await waitForJob(client, statusUrl, `deploying "${deployment}"`);
                expect(job.status).to.equal("succeeded");
            }
            const deployments = await client.listDeployments(project);
            expect(deployments.map((d) => [d.deploymentName, d.modelId])).to.deep.equal([
                ["production", modelIds["v1"]],
                ["staging", modelIds["v2"]],
            ]);
            const production = await client.getDeployment(project, "production");
            expect(production).to.deep.equal(deployments[0]);
            if (!["2022-05-01", "2023-04-01"].includes(apiVersion)) {
                expect(production.assignedResources).to.deep.equal([]);
            } else {
                expect(production).to.not.have.property("assignedResources");
            }
            expect(await client.findDeployment(project, "staging")).to.deep.equal(deployments[1]);
            expect(await client.findDeployment(project, "canary")).to.equal(undefined);
        });

        it("swaps the two deployments", async () => {
            const { statusUrl } = await client.startSwapDeployments(project, {
                firstDeploymentName: "production",
                secondDeploymentName: "staging",
            });
            expect(statusUrl).to.contain("/deployments/swap/jobs/");
            expect((await waitForJob(client, statusUrl, "swapping")).status).to.equal("succeeded");
            expect((await client.getDeployment(project, "production")).modelId).to.equal(modelIds["v2"]);
            expect((await client.getDeployment(project, "staging")).modelId).to.equal(modelIds["v1"]);
        });

        it("deletes a deployment through its job", async () => {
            const { statusUrl } = await client.startDeleteDeployment(project, "staging");
            expect(statusUrl).to.contain("/deployments/staging/jobs/");
            expect((await waitForJob(client, statusUrl, "deleting staging")).status).to.equal("succeeded");
            expect(await client.findDeployment(project, "staging")).to.equal(undefined);
            expect((await client.listDeployments(project)).map((d) => d.deploymentName)).to.deep.equal(["production"]);
        });

        if (snapshots) {
            it("exports a model's snapshot and loads it back over an edited working copy", async () => {
                const exportOf = async (options: { trainedModelLabel?: string }, what: string) => {
                    const { statusUrl } = await client.startExport(project, options);
                    const job = await waitForJob(client, statusUrl, what);
                    return client.getExportedProject(job.resultUrl!);
                };
                const snapshot = await exportOf({ trainedModelLabel: "v1" }, "exporting the v1 snapshot");
                expect(snapshot.metadata.projectName).to.equal(project);
                await bedOf().admin.editProject("primary", project, subject.edit);
                const edited = await exportOf({}, "exporting the edited working copy");
                expect(edited.assets).to.not.deep.equal(snapshot.assets);

                const { statusUrl } = await client.startLoadSnapshot(project, "v1");
                expect(statusUrl).to.contain("/models/v1/load-snapshot/jobs/");
                expect((await waitForJob(client, statusUrl, "loading the v1 snapshot")).status).to.equal("succeeded");
                const restored = await exportOf({}, "exporting the restored working copy");
                expect(restored.assets).to.deep.equal(snapshot.assets);
            });
        } else {
            it("refuses snapshots on 2022-05-01 without sending a request", async () => {
                await bedOf().admin.clearRequests();
                const load = await failureOf(client.startLoadSnapshot(project, "v1"));
                expect(load).to.be.instanceOf(Error).and.not.instanceOf(LanguageApiError);
                expect((load as Error).message).to.contain("needs api-version 2023-04-01 or later");
                const exported = await failureOf(client.startExport(project, { trainedModelLabel: "v1" }));
                expect((exported as Error).message).to.contain("needs api-version 2023-04-01 or later");
                expect(await bedOf().admin.requests("primary")).to.be.empty;
            });
        }

        it("deletes an undeployed model synchronously and refuses to delete a deployed one", async () => {
            await client.deleteModel(project, "v1");
            expect(await client.findModel(project, "v1")).to.equal(undefined);
            expect((await client.listModels(project)).map((model) => model.label)).to.deep.equal(["v2"]);
            const deployed = await failureOf(client.deleteModel(project, "v2"));
            expect(deployed).to.be.instanceOf(LanguageApiError).and.include({ status: 409, code: "Conflict" });
        });

        it("deletes the project through a global deletion job", async () => {
            const { statusUrl } = await client.startDeleteProject(project);
            expect(statusUrl).to.contain(`/${family}/projects/global/deletion-jobs/`);
            expect((await waitForJob(client, statusUrl, `deleting "${project}"`)).status).to.equal("succeeded");
            expect(await client.findProject(project)).to.equal(undefined);
            expect((await client.listProjects()).map((p) => p.projectName)).to.not.include(project);
        });
    });
}
