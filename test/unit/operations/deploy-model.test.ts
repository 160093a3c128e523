import { expect } from "chai";
import { awaitDeploy, readDeployment, startDeploy } from "../../../provider/operations/deploy-model";
import type { InProcessEmulator } from "../../support/in-process-emulator";
import { authoringClientOf, project, recordingContext, seededEmulator } from "../../support/operation-bed";

describe("deploy-model: a deployment serving a model label, and how outputs show it", () => {
    let emulator: InProcessEmulator;

    beforeEach(async () => {
        emulator = await seededEmulator(["secondary"]);
    });

    it("deploys the model of a label under a new deployment name on the secondary, saying so", async () => {
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        const { statusUrl } = await startDeploy(secondary, project, "staging", "production");
        await awaitDeploy(secondary, project, "staging", statusUrl, context);
        expect(emulator.requestsTo("secondary")[0]).to.equal(
            `PUT /language/authoring/analyze-conversations/projects/${project}/deployments/staging`,
        );
        expect(context.progressed.at(-1)).to.match(
            new RegExp(`^deploying "staging" of "${project}" on ${secondary.transport.resourceLabel}: succeeded`),
        );
        const [staging, production] = await Promise.all([
            readDeployment(secondary, project, "staging"),
            readDeployment(secondary, project, "production"),
        ]);
        expect(staging?.modelId).to.equal(production?.modelId);
    });

    it("reads a deployment as outputs show it, and nothing for one that does not exist", async () => {
        const secondary = authoringClientOf(emulator, "secondary");
        const found = (await secondary.findDeployment(project, "production"))!;
        expect(await readDeployment(secondary, project, "production")).to.deep.equal({
            name: "production",
            modelId: found.modelId,
            lastDeployedDateTime: found.lastDeployedDateTime,
            expirationDate: found.deploymentExpirationDate,
            trainingConfigVersion: found.modelTrainingConfigVersion,
        });
        expect(found.modelId).to.be.a("string").and.not.equal("");
        expect(await readDeployment(secondary, project, "absent")).to.equal(undefined);
    });
});
