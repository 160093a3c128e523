import { expect } from "chai";
import { awaitDeploy, readDeployment, startDeploy } from "../../../provider/operations/deploy-model";
import { awaitSwap, startSwap } from "../../../provider/operations/swap-deployments";
import { awaitTraining, startTraining } from "../../../provider/operations/train-model";
import type { InProcessEmulator } from "../../support/in-process-emulator";
import { authoringClientOf, project, recordingContext, seededEmulator } from "../../support/operation-bed";

describe("swap-deployments: two deployments exchange their models in one step", () => {
    let emulator: InProcessEmulator;

    beforeEach(async () => {
        emulator = await seededEmulator(["secondary"]);
    });

    it("swaps the secondary's production and staging deployments, saying so", async () => {
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        const training = { modelLabel: "candidate", trainingConfigVersion: "latest" };
        await awaitTraining(
            secondary,
            project,
            (await startTraining(secondary, project, "Conversation", training)).statusUrl,
            context,
        );
        await awaitDeploy(
            secondary,
            project,
            "staging",
            (await startDeploy(secondary, project, "staging", "candidate")).statusUrl,
            context,
        );
        const before = await Promise.all(
            ["production", "staging"].map((name) => readDeployment(secondary, project, name)),
        );
        emulator.forget();

        const { statusUrl } = await startSwap(secondary, project, "production", "staging");
        await awaitSwap(secondary, project, ["production", "staging"], statusUrl, context);

        const after = await Promise.all(
            ["production", "staging"].map((name) => readDeployment(secondary, project, name)),
        );
        expect([after[0]?.modelId, after[1]?.modelId]).to.deep.equal([before[1]?.modelId, before[0]?.modelId]);
        expect(emulator.requestsTo("secondary")[0]).to.equal(
            `POST /language/authoring/analyze-conversations/projects/${project}/deployments/:swap`,
        );
        expect(context.progressed.at(-1)).to.match(
            new RegExp(
                `^swapping deployments "production" and "staging" of "${project}" on ${secondary.transport.resourceLabel}: succeeded`,
            ),
        );
    });
});
