import { expect } from "chai";
import { check } from "../../../provider/lifecycle/check";
import { create } from "../../../provider/lifecycle/create";
import { read } from "../../../provider/lifecycle/read";
import { travelClu } from "../../../stacks/local/samples/travel-clu";
import { InProcessEmulator } from "../../support/in-process-emulator";

const project = travelClu.file.metadata.projectName;
const projectPath = `/language/authoring/analyze-conversations/projects/${project}`;

/** Refresh against the emulator in process: what it reports of the replica's deployments. */
describe("read", () => {
    let emulator: InProcessEmulator;
    const consoleLog = console.log;

    beforeEach(async () => {
        emulator = new InProcessEmulator({ jobTiming: { mode: "instant" } });
        await emulator.seedTravelSample();
        emulator.guardPrimary();
        console.log = () => {};
    });

    afterEach(() => {
        console.log = consoleLog;
    });

    /** A deployment made on the secondary behind the provider's back, waited for. */
    async function deployOnSecondary(deployment: string, trainedModelLabel: string) {
        const key = { "ocp-apim-subscription-key": emulator.connection("secondary").key };
        const url = `${emulator.url}/secondary${projectPath}/deployments/${deployment}?api-version=2023-04-01`;
        const body = JSON.stringify({ trainedModelLabel });
        const started = await emulator.send({ method: "PUT", url, headers: key, body, timeoutMs: 1000 });
        expect(started.status, started.text).to.equal(202);
        const job = await emulator.send({
            method: "GET",
            url: started.headers["operation-location"]!,
            headers: key,
            timeoutMs: 1000,
        });
        expect(JSON.parse(job.text).status).to.equal("succeeded");
    }

    it("reports the staging deployment of a replica that has one, and only then", async () => {
        const checked = await check(
            {},
            {
                primary: emulator.connection("primary"),
                secondary: emulator.connection("secondary"),
                projectName: project,
            },
            emulator.io,
        );
        const { id, outs } = await create(checked.inputs!, emulator.io);
        await deployOnSecondary("production-staging", outs!.trainedModel.label);
        const staged = { ...outs!, stagingDeployment: { ...outs!.deployment, name: "production-staging" } };

        const withStaging = await read(id!, staged, emulator.io);
        const without = await read(id!, outs!, emulator.io);

        expect(withStaging.id).to.equal(id);
        expect(withStaging.props!.stagingDeployment).to.include({
            name: "production-staging",
            modelId: outs!.trainedModel.modelId,
        });
        expect(without.props).to.not.have.property("stagingDeployment");
    });
});
