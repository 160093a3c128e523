import { expect } from "chai";
import type { ApiFamily, ApiVersion, ProjectMetadata } from "../../../provider/contract";
import {
    findPrimaryProject,
    primaryDeploymentName,
    replicableKind,
} from "../../../provider/operations/observe-primary";
import { awaitDeploy, startDeploy } from "../../../provider/operations/deploy-model";
import { awaitJob } from "../../../provider/operations/await-job";
import type { InProcessEmulator } from "../../support/in-process-emulator";
import { authoringClientOf, project, recordingContext, seededEmulator } from "../../support/operation-bed";

describe("observe-primary: the primary project and the deployment to mirror, with GETs only", () => {
    let emulator: InProcessEmulator;

    beforeEach(async () => {
        emulator = await seededEmulator(["primary", "secondary"]);
    });

    /** The families asked, in order, when looking for `name` on the primary. */
    async function lookup(
        name: string,
        kinds: Parameters<typeof findPrimaryProject>[1],
        apiVersion: ApiVersion = "2023-04-01",
    ) {
        const asked: ApiFamily[] = [];
        const findIn = (family: ApiFamily) => {
            asked.push(family);
            return authoringClientOf(emulator, "primary", family, apiVersion).findProject(name);
        };
        const found = await findPrimaryProject(findIn, kinds, apiVersion);
        return { found, asked };
    }

    it("finds a project of unknown kind with one GET, conversations first", async () => {
        const { found, asked } = await lookup(project, {});
        expect(found?.projectName).to.equal(project);
        expect(asked).to.deep.equal(["analyze-conversations"]);
    });

    it("asks the family of the kind seen last time first, then the other", async () => {
        const { found, asked } = await lookup(project, { lastSeen: "CustomEntityRecognition" });
        expect(found?.projectKind).to.equal("Conversation");
        expect(asked).to.deep.equal(["analyze-text", "analyze-conversations"]);
    });

    it("asks only the family of a declared kind", async () => {
        const { found, asked } = await lookup(project, {
            declared: "CustomSingleLabelClassification",
            lastSeen: "Conversation",
        });
        expect(found).to.equal(undefined);
        expect(asked).to.deep.equal(["analyze-text"]);
    });

    it("skips a family that does not serve the api-version, and finds nothing after asking every other", async () => {
        const { found, asked } = await lookup("absent", { lastSeen: "CustomEntityRecognition" }, "2025-11-01");
        expect(found).to.equal(undefined);
        expect(asked).to.deep.equal(["analyze-conversations"]);
        expect(emulator.requestsTo("primary")).to.have.length(1);
    });

    it("narrows a reported kind to one this provider replicates", () => {
        const metadata = (projectKind: string) => ({ projectKind }) as unknown as ProjectMetadata;
        expect(replicableKind(metadata("CustomMultiLabelClassification"))).to.equal("CustomMultiLabelClassification");
        expect(replicableKind(metadata("CustomAbstractiveSummarization"))).to.equal(undefined);
    });

    it("mirrors the primary's only deployment", async () => {
        expect(await primaryDeploymentName(authoringClientOf(emulator, "primary"), project)).to.deep.equal({
            name: "production",
        });
    });

    it("asks for deploymentName when there is no deployment or more than one", async () => {
        // The secondary plays a primary with other deployments: the primary itself must not change.
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        await awaitDeploy(
            secondary,
            project,
            "staging",
            (await startDeploy(secondary, project, "staging", "production")).statusUrl,
            context,
        );
        expect(await primaryDeploymentName(secondary, project)).to.deep.equal({
            problem: `the primary project "${project}" has 2 deployments ("production", "staging"); set deploymentName to the one to mirror`,
        });
        for (const name of ["production", "staging"]) {
            const { statusUrl } = await secondary.startDeleteDeployment(project, name);
            await awaitJob(secondary, statusUrl, `deleting "${name}"`, "delete", context);
        }
        expect(await primaryDeploymentName(secondary, project)).to.deep.equal({
            problem: `the primary project "${project}" has no deployment to mirror; set deploymentName`,
        });
    });
});
