import { expect } from "chai";
import { awaitJob, awaitTrainingJob } from "../../../provider/operations/await-job";
import { pollSchedules } from "../../../provider/operations/poll-schedules";
import { startTraining } from "../../../provider/operations/train-model";
import { startDeploy } from "../../../provider/operations/deploy-model";
import { authoringClientOf, project, recordingContext, seededEmulator } from "../../support/operation-bed";

describe("awaitJob: a job polled on the schedule of its kind, its status changes shown", () => {
    it("first looks at a job when its kind's schedule says, unless the user chose a schedule for every job", async () => {
        const emulator = await seededEmulator(["secondary"]);
        const secondary = authoringClientOf(emulator, "secondary");
        const own = recordingContext(emulator.clock);
        await awaitJob(
            secondary,
            (await startDeploy(secondary, project, "a", "production")).statusUrl,
            "deploying a",
            "deploy",
            own,
        );
        expect(emulator.clock.sleeps[0]).to.equal(pollSchedules.deploy.firstMs);
        expect(own.progressed[0]).to.match(/^deploying a: \w+ \(job .+\)$/);

        emulator.clock.sleeps.length = 0;
        const chosen = recordingContext(emulator.clock, { polling: { firstMs: 7, intervalMs: 3, maxMs: 9 } });
        await awaitJob(
            secondary,
            (await startDeploy(secondary, project, "b", "production")).statusUrl,
            "deploying b",
            "deploy",
            chosen,
        );
        expect(emulator.clock.sleeps[0]).to.equal(7);
        expect(chosen.progressed.at(-1)).to.match(/^deploying b: succeeded \(job .+\)$/);
    });

    it("shows a training job's percent complete", async () => {
        const emulator = await seededEmulator(["secondary"]);
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        const training = { modelLabel: "next", trainingConfigVersion: "latest" };
        const { statusUrl } = await startTraining(secondary, project, "Conversation", training);
        const state = await awaitTrainingJob(secondary, statusUrl, "training next", "train", context);
        expect(state.result.modelLabel).to.equal("next");
        expect(emulator.clock.sleeps[0]).to.equal(pollSchedules.train.firstMs);
        expect(context.progressed.at(-1)).to.match(/^training next: succeeded 100% \(job .+\)$/);
    });
});
