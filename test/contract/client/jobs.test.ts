import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { exportedProjectSchema, parseContract } from "../../../provider/contract";
import { JobDeadlineError, JobFailedError } from "../../../provider/lro/job-errors";
import type { JobProgress } from "../../../provider/lro/poll-until-done";
import { ManualClock } from "../../../emulator/jobs/clock";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { clientFor, failureOf, SteppingClock, waitForJob, waitForTraining } from "./support/client-bed";

describe("client contract: pollUntilDone against the emulator's jobs", function () {
    let bed: TestBed;
    let emulatorClock: ManualClock;
    let client: AuthoringClient;

    before(async () => {
        emulatorClock = new ManualClock(Date.parse("2025-03-04T05:06:07Z"));
        bed = await startTestBed({ clock: emulatorClock, jobTiming: { mode: "instant" } });
        // The client's sleeps move the emulator's time, so "after T ms" jobs finish without waiting.
        client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", {
            clock: new SteppingClock(emulatorClock),
        });
        const file = parseContract(exportedProjectSchema, travelConversation(), "sample");
        await waitForJob(client, (await client.startImport("TravelBot", file)).statusUrl, "importing");
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
        await bed.admin.resetJobTiming();
    });

    after(async () => {
        await bed.stop();
    });

    it("throws JobFailedError naming the operation, the job and the service's code and message", async () => {
        await bed.admin.addFault({
            method: "POST",
            path: "/:export$",
            fault: { kind: "failJob", code: "InternalServerError", message: "disk on fire" },
        });
        const { statusUrl } = await client.startExport("TravelBot");
        const failure = await failureOf(waitForJob(client, statusUrl, 'exporting project "TravelBot" on primary'));
        expect(failure).to.be.instanceOf(JobFailedError);
        const error = failure as JobFailedError;
        expect(error.message)
            .to.contain('exporting project "TravelBot" on primary')
            .and.contain(`job ${error.job.jobId} ended failed`)
            .and.contain("InternalServerError: disk on fire");
        expect(error.codes).to.deep.equal(["InternalServerError"]);
        expect(error.statusUrl).to.equal(statusUrl);
        expect(error.job).to.not.have.property("resultUrl");
    });

    it("throws JobFailedError for a failed training job too", async () => {
        await bed.admin.addFault({
            method: "POST",
            path: "/:train$",
            fault: { kind: "failJob", code: "TrainingFailed", message: "out of GPUs" },
        });
        const { statusUrl } = await client.startTraining("TravelBot", { modelLabel: "bad", trainingMode: "standard" });
        const failure = await failureOf(waitForTraining(client, statusUrl, "training"));
        expect(failure).to.be.instanceOf(JobFailedError);
        expect((failure as JobFailedError).message).to.contain("TrainingFailed: out of GPUs");
        expect(await client.findModel("TravelBot", "bad")).to.equal(undefined);
    });

    it("reports notStarted, running and succeeded with training's percent complete", async () => {
        await bed.admin.setJobTiming({ mode: "afterPolls", polls: 3 }, { operation: "train" });
        const progress: JobProgress[] = [];
        const { statusUrl } = await client.startTraining("TravelBot", { modelLabel: "v1", trainingMode: "standard" });
        const job = await waitForTraining(client, statusUrl, "training", { progress });
        expect(job.status).to.equal("succeeded");
        expect(progress.map((p) => [p.status, p.percentComplete])).to.deep.equal([
            ["notStarted", 0],
            ["running", 66],
            ["succeeded", 100],
        ]);
        expect(progress.every((p) => p.jobId === job.jobId && p.operation === "training")).to.equal(true);
    });

    it("waits out a job that finishes after some emulator time, by the linked clock", async () => {
        await bed.admin.setJobTiming({ mode: "afterMs", ms: 30 }, { operation: "export" });
        const startedAt = emulatorClock.now();
        const { statusUrl } = await client.startExport("TravelBot");
        const job = await waitForJob(client, statusUrl, "exporting");
        expect(job.status).to.equal("succeeded");
        expect(emulatorClock.now() - startedAt).to.be.at.least(30);
        expect((await client.getExportedProject(job.resultUrl!)).metadata.projectName).to.equal("TravelBot");
    });

    it("gives up at the deadline with JobDeadlineError while the job is still running", async () => {
        await bed.admin.addFault({ method: "POST", path: "/:export$", fault: { kind: "hangJob" } });
        const { statusUrl } = await client.startExport("TravelBot");
        const failure = await failureOf(
            waitForJob(client, statusUrl, "exporting", {
                deadlineMs: 100,
                schedule: { firstMs: 0, intervalMs: 20, maxMs: 40 },
            }),
        );
        expect(failure).to.be.instanceOf(JobDeadlineError);
        const error = failure as JobDeadlineError;
        expect(error.statusUrl).to.equal(statusUrl);
        expect(error.lastState?.status).to.equal("running");
        expect(error.message).to.contain("still running");
    });

    it("gives a status URL that answers 404 a few polls of grace, then reports the 404", async () => {
        const { statusUrl } = await client.startExport("TravelBot");
        const unknown = statusUrl.replace(/jobs\/[^?]+/, "jobs/00000000-0000-0000-0000-000000000000_1");
        await bed.admin.clearRequests();
        const failure = await failureOf(
            waitForJob(client, unknown, "exporting", {
                deadlineMs: 60_000,
                schedule: { firstMs: 0, intervalMs: 20, maxMs: 40 },
            }),
        );
        expect(failure).to.be.instanceOf(LanguageApiError);
        expect((failure as LanguageApiError).status).to.equal(404);
        const polls = await bed.admin.requests("primary");
        expect(polls.map((entry) => entry.status)).to.deep.equal([404, 404, 404, 404]);
    });

    it("follows a job through http://localhost: status and result URLs name the host the client used", async () => {
        const endpoint = bed.resource("primary").endpoint.replace("127.0.0.1", "localhost");
        const local = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", {
            endpoint,
            clock: new SteppingClock(emulatorClock),
        });
        const { statusUrl } = await local.startExport("TravelBot");
        expect(statusUrl.startsWith(`${endpoint}/`), statusUrl).to.equal(true);
        const job = await waitForJob(local, statusUrl, "exporting");
        expect((await local.getExportedProject(job.resultUrl!)).metadata.projectName).to.equal("TravelBot");
    });
});
