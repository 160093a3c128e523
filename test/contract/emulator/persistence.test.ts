import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    jobStateSchema,
    pagedSchema,
    projectDeploymentSchema,
    projectMetadataSchema,
    projectTrainedModelSchema,
    trainingJobStateSchema,
} from "../../../provider/contract";
import { startEmulator, type RunningEmulator } from "../../../emulator/start-emulator";
import { stateFileIn } from "../../../emulator/state/persistence";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { LanguageApi } from "./support/language-api";

describe("emulator: state in a data dir survives a restart", function () {
    let dataDir: string;
    let emulator: RunningEmulator | undefined;

    const start = async () => {
        emulator = await startEmulator({ port: 0, dataDir, rateLimits: false, jobTiming: { mode: "instant" } });
        const primary = emulator.resources[0]!;
        return new LanguageApi(primary.endpoint, primary.keys[0], "analyze-conversations");
    };

    beforeEach(() => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "language-emulator-"));
    });

    afterEach(async () => {
        await emulator?.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("keeps projects, timestamps, jobs, models and deployments", async () => {
        const before = await start();
        await before.importProject(travelConversation());
        const training = await before.run(
            "POST",
            "/TravelBot/:train",
            { body: { modelLabel: "v1", trainingMode: "advanced" } },
            trainingJobStateSchema,
        );
        await before.run("PUT", "/TravelBot/deployments/production", { body: { trainedModelLabel: "v1" } });
        const exportUrl = await before.trigger("POST", "/TravelBot/:export", {
            query: { stringIndexType: "Utf16CodeUnit" },
        });
        const snapshot = {
            project: await before.read("/TravelBot", projectMetadataSchema),
            model: await before.read("/TravelBot/models/v1", projectTrainedModelSchema),
            deployments: await before.read("/TravelBot/deployments", pagedSchema(projectDeploymentSchema)),
            exportJob: await before.waitForJob(exportUrl),
            exported: await before.exportProject("TravelBot"),
        };
        await emulator!.stop();

        const after = await start();
        expect(await after.read("/TravelBot", projectMetadataSchema)).to.deep.equal(snapshot.project);
        expect(await after.read("/TravelBot/models/v1", projectTrainedModelSchema)).to.deep.equal(snapshot.model);
        expect(await after.read("/TravelBot/deployments", pagedSchema(projectDeploymentSchema))).to.deep.equal(
            snapshot.deployments,
        );
        const statusPath = new URL(exportUrl).pathname.split("/projects")[1]!;
        // A new port: URLs in job states follow the endpoint the emulator now has.
        const exportJob = await after.read(statusPath, jobStateSchema);
        expect({ ...exportJob, resultUrl: undefined }).to.deep.equal({ ...snapshot.exportJob, resultUrl: undefined });
        expect(new URL(exportJob.resultUrl!).pathname).to.equal(new URL(snapshot.exportJob.resultUrl!).pathname);
        expect(await after.exportProject("TravelBot")).to.deep.equal(snapshot.exported);
        const trainJobs = await after.read("/TravelBot/train/jobs", pagedSchema(trainingJobStateSchema));
        expect(trainJobs.value.map((job) => job.jobId)).to.deep.equal([training.jobId]);
    });

    it("refuses a corrupt state file with an error naming it", async () => {
        fs.writeFileSync(
            stateFileIn(dataDir),
            JSON.stringify({ formatVersion: 1, resources: { primary: { projects: 3 } } }),
        );
        let failure: unknown;
        try {
            await start();
        } catch (error) {
            failure = error;
        }
        expect(String(failure)).to.contain(stateFileIn(dataDir)).and.contain("resources.primary.projects");
    });
});
