import { expect } from "chai";
import { awaitDeploy, readDeployment, startDeploy } from "../../../provider/operations/deploy-model";
import { observeReplica } from "../../../provider/operations/observe-replica";
import { awaitTraining, readTrainedModel, startTraining } from "../../../provider/operations/train-model";
import type { InProcessEmulator } from "../../support/in-process-emulator";
import { authoringClientOf, project, recordingContext, seededEmulator } from "../../support/operation-bed";

describe("observeReplica: what the secondary holds of the replica, with GETs only", () => {
    let emulator: InProcessEmulator;

    beforeEach(async () => {
        emulator = await seededEmulator(["secondary"]);
    });

    async function train(label: string) {
        const secondary = authoringClientOf(emulator, "secondary");
        const training = { modelLabel: label, trainingConfigVersion: "latest" };
        const { statusUrl } = await startTraining(secondary, project, "Conversation", training);
        await awaitTraining(secondary, project, statusUrl, recordingContext(emulator.clock));
    }

    it("observes nothing when the project does not exist", async () => {
        expect(
            await observeReplica(authoringClientOf(emulator, "secondary"), "absent", {
                isReplicaModel: () => true,
                deploymentName: "production",
            }),
        ).to.deep.equal({});
    });

    it("lists the replica's models newest first, its deployments and the model the deployment serves", async () => {
        await train("replica-2");
        emulator.clock.advance(60_000);
        await train("replica-3");
        await train("someone-elses");
        const secondary = authoringClientOf(emulator, "secondary");
        await awaitDeploy(
            secondary,
            project,
            "staging",
            (await startDeploy(secondary, project, "staging", "replica-3")).statusUrl,
            recordingContext(emulator.clock),
        );
        emulator.forget();

        const observed = await observeReplica(secondary, project, {
            isReplicaModel: (label) => label === "production" || label.startsWith("replica-"),
            deploymentName: "production",
            stagingDeploymentName: "staging",
        });

        expect(observed.project?.projectName).to.equal(project);
        expect(observed.models?.map((model) => model.label)).to.deep.equal(["replica-3", "replica-2", "production"]);
        expect(observed.deployment).to.deep.equal(await readDeployment(secondary, project, "production"));
        expect(observed.staging).to.deep.equal(await readDeployment(secondary, project, "staging"));
        expect(observed.servingModel).to.deep.equal(await readTrainedModel(secondary, project, "production"));
        expect(emulator.requestsTo("secondary").every((line) => line.startsWith("GET "))).to.equal(true);
    });

    it("leaves out the deployments and serving model that do not exist", async () => {
        const observed = await observeReplica(authoringClientOf(emulator, "secondary"), project, {
            isReplicaModel: () => true,
            deploymentName: "absent",
        });
        expect(Object.keys(observed).sort()).to.deep.equal(["models", "project"]);
        // Without a staging deployment name, only the deployment is looked up.
        expect(emulator.requestsTo("secondary").filter((line) => line.includes("/deployments/"))).to.deep.equal([
            `GET /language/authoring/analyze-conversations/projects/${project}/deployments/absent`,
        ]);
    });
});
