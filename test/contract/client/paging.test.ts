import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import {
    exportedProjectSchema,
    parseContract,
    supportedApiVersions,
    type ApiFamily,
    type CreateProjectOptions,
} from "../../../provider/contract";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { clientFor, waitForJob } from "./support/client-bed";

// The emulator's page size when the client sets none (emulator/api/paging.ts); the client sets
// none, so more items than this take more than one page.
const pageSize = 50;
const projectCount = pageSize * 2 + 3;
const itemCount = pageSize + 3;

function names(prefix: string, count: number): string[] {
    return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(3, "0")}`);
}

function projectOptions(family: ApiFamily, projectName: string): CreateProjectOptions {
    return family === "analyze-text"
        ? {
              projectKind: "CustomSingleLabelClassification",
              projectName,
              language: "en",
              storageInputContainerName: "c",
          }
        : { projectKind: "Conversation", projectName, language: "en-us" };
}

describe("client contract: following nextLink across pages", function () {
    let bed: TestBed;

    /** GETs of one list path since the log was cleared: one per page. */
    async function pagesRead(pathEnd: string): Promise<number> {
        const log = await bed.admin.requests("secondary");
        return log.filter((entry) => entry.method === "GET" && entry.path.endsWith(pathEnd)).length;
    }

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        for (const family of ["analyze-text", "analyze-conversations"] as const) {
            const client = clientFor(bed, "secondary", family, "2023-04-01");
            for (const name of names(family === "analyze-text" ? "Text" : "Clu", projectCount)) {
                await client.updateProject(name, projectOptions(family, name));
            }
        }
    });

    beforeEach(async () => {
        await bed.admin.clearRequests();
    });

    after(async () => {
        await bed.stop();
    });

    for (const [family, versions] of Object.entries(supportedApiVersions) as [
        ApiFamily,
        (typeof supportedApiVersions)[ApiFamily],
    ][]) {
        for (const apiVersion of versions) {
            it(`lists ${projectCount} ${family} projects over three pages at ${apiVersion}`, async () => {
                const client = clientFor(bed, "secondary", family, apiVersion);
                const listed = (await client.listProjects()).map((project) => project.projectName);
                expect(listed).to.have.length(projectCount);
                expect([...listed].sort()).to.deep.equal(
                    names(family === "analyze-text" ? "Text" : "Clu", projectCount),
                );
                expect(await pagesRead(`/${family}/projects`)).to.equal(3);
            });
        }
    }

    describe("models, training jobs and deployments of one project", () => {
        let client: AuthoringClient;
        const labels = names("m", itemCount);

        before(async () => {
            client = clientFor(bed, "secondary", "analyze-conversations", "2025-11-01");
            const file = parseContract(exportedProjectSchema, travelConversation("Paged"), "sample");
            await waitForJob(client, (await client.startImport("Paged", file)).statusUrl, "importing");
            // Instant jobs finish as they start: no polling needed to fill the lists.
            for (const label of labels) {
                await client.startTraining("Paged", { modelLabel: label, trainingMode: "standard" });
                await client.startDeploy("Paged", `d-${label}`, { trainedModelLabel: label });
            }
            await bed.admin.clearRequests();
        });

        it(`lists ${itemCount} models over two pages`, async () => {
            expect((await client.listModels("Paged")).map((model) => model.label)).to.deep.equal(labels);
            expect(await pagesRead("/Paged/models")).to.equal(2);
        });

        it(`lists ${itemCount} training jobs over two pages`, async () => {
            const jobs = await client.listTrainingJobs("Paged");
            expect(jobs.map((job) => job.result.modelLabel)).to.have.members(labels);
            expect(await pagesRead("/Paged/train/jobs")).to.equal(2);
        });

        it(`lists ${itemCount} deployments over two pages`, async () => {
            const deployments = await client.listDeployments("Paged");
            expect(deployments.map((deployment) => deployment.deploymentName)).to.deep.equal(
                labels.map((label) => `d-${label}`),
            );
            expect(deployments.every((deployment) => Array.isArray(deployment.assignedResources))).to.equal(true);
            expect(await pagesRead("/Paged/deployments")).to.equal(2);
        });
    });
});
