import { expect } from "chai";
import { summarizeEvaluation } from "../../../provider/contract";
import { deployedModelEvaluation } from "../../../provider/operations/deployed-evaluation";
import { failureOf } from "../../support/failure-of";
import { authoringClientOf, project, seededEmulator } from "../../support/operation-bed";

describe("deployedModelEvaluation: the scores of the model a deployment serves, with GETs only", () => {
    it("reads the evaluation of the deployed model's label from the primary", async () => {
        const emulator = await seededEmulator(["primary"]);
        const primary = authoringClientOf(emulator, "primary");
        const scores = await deployedModelEvaluation(primary, project, "production");
        expect(scores).to.deep.equal(summarizeEvaluation(await primary.getEvaluationSummary(project, "production")));
        expect(emulator.primaryWrites).to.deep.equal([]);
    });

    it("fails naming the deployment when its model is not listed", async () => {
        const emulator = await seededEmulator(["secondary"]);
        const secondary = authoringClientOf(emulator, "secondary");
        const { modelId } = await secondary.getDeployment(project, "production");
        const listing = secondary.listModels.bind(secondary);
        secondary.listModels = async (name, signal) =>
            (await listing(name, signal)).filter((model) => model.modelId !== modelId);
        const error = (await failureOf(deployedModelEvaluation(secondary, project, "production"))) as Error;
        expect(error.message).to.equal(
            `reading the evaluation of deployment "production" of "${project}" on ${secondary.transport.resourceLabel}: its model ${modelId} is not listed`,
        );
    });

    it("takes the evaluation of the model the deployment names, not of another listed first", async () => {
        const emulator = await seededEmulator(["secondary"]);
        const secondary = authoringClientOf(emulator, "secondary");
        const listing = secondary.listModels.bind(secondary);
        const [served] = await listing(project);
        // A model with no evaluation, listed first: reading its evaluation would fail.
        secondary.listModels = async (name, signal) => [
            { ...served!, label: "unevaluated", modelId: "unevaluated-id" },
            ...(await listing(name, signal)),
        ];
        const scores = await deployedModelEvaluation(secondary, project, "production");
        expect(scores).to.deep.equal(summarizeEvaluation(await secondary.getEvaluationSummary(project, "production")));
    });
});
