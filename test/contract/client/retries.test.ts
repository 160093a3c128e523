import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { exportedProjectSchema, parseContract } from "../../../provider/contract";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { clientFor, failureOf, SteppingClock, waitForJob, waitForTraining } from "./support/client-bed";

const projectPath = "/analyze-conversations/projects/TravelBot$";

describe("client contract: retries against injected faults", function () {
    let bed: TestBed;
    let clock: SteppingClock;
    let client: AuthoringClient;

    /** What reached the primary since the test began: method, path below the project, status. */
    async function log(): Promise<string[]> {
        return (await bed.admin.requests("primary")).map(
            (entry) =>
                `${entry.method} ${entry.path.replace(/^.*\/projects\/TravelBot/, "") || "/"} ${entry.status ?? "dropped"}`,
        );
    }

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        const setup = clientFor(bed, "primary", "analyze-conversations", "2023-04-01");
        const file = parseContract(exportedProjectSchema, travelConversation(), "sample");
        await waitForJob(setup, (await setup.startImport("TravelBot", file)).statusUrl, "importing");
        const training = await setup.startTraining("TravelBot", { modelLabel: "v1", trainingMode: "standard" });
        await waitForTraining(setup, training.statusUrl, "training");
    });

    beforeEach(async () => {
        clock = new SteppingClock();
        client = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", { clock });
        await bed.admin.clearRequests();
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
    });

    after(async () => {
        await bed.stop();
    });

    it("retries a burst of 429s on GET, waiting at least the Retry-After each time, then succeeds", async () => {
        await bed.admin.addFault({
            method: "GET",
            path: projectPath,
            fault: { kind: "throttle", retryAfterSeconds: 1, times: 3 },
        });
        expect((await client.getProject("TravelBot")).projectName).to.equal("TravelBot");
        expect(await log()).to.deep.equal(["GET / 429", "GET / 429", "GET / 429", "GET / 200"]);
        // Retry-After plus the spread: an eighth with the steady random of 0.5.
        expect(clock.sleeps).to.deep.equal([1125, 1125, 1125]);
        expect(await bed.admin.faults()).to.be.empty;
    });

    it("retries at once when the Retry-After is 0", async () => {
        await bed.admin.addFault({
            method: "GET",
            path: "/TravelBot/models$",
            fault: { kind: "throttle", retryAfterSeconds: 0, times: 2 },
        });
        expect((await client.listModels("TravelBot")).map((model) => model.label)).to.deep.equal(["v1"]);
        expect(await log()).to.deep.equal(["GET /models 429", "GET /models 429", "GET /models 200"]);
        expect(clock.sleeps).to.deep.equal([0, 0]);
    });

    it("retries a 429 on POST too: the throttled request never reached the service", async () => {
        await bed.admin.addFault({
            method: "POST",
            path: "/:export$",
            fault: { kind: "throttle", retryAfterSeconds: 1, times: 2 },
        });
        const { statusUrl } = await client.startExport("TravelBot");
        expect((await waitForJob(client, statusUrl, "exporting")).status).to.equal("succeeded");
        expect((await log()).slice(0, 3)).to.deep.equal([
            "POST /:export 429",
            "POST /:export 429",
            "POST /:export 202",
        ]);
    });

    it("waits a throttled request out until its throttling budget is spent, then fails retryable", async () => {
        await bed.admin.addFault({
            method: "GET",
            path: projectPath,
            fault: { kind: "throttle", retryAfterSeconds: 1, times: 9 },
        });
        const budgeted = clientFor(bed, "primary", "analyze-conversations", "2023-04-01", {
            clock,
            retry: { throttleBudgetMs: 3_000 },
        });
        const failure = await failureOf(budgeted.getProject("TravelBot"));
        expect(failure).to.be.instanceOf(LanguageApiError);
        expect(failure).to.include({ status: 429, code: "TooManyRequests", isRetryable: true });
        expect(await log()).to.have.length(4);
        // Retry-After plus the spread (an eighth with the steady random of 0.5), until 3 s are spent.
        expect(clock.sleeps).to.deep.equal([1125, 1125, 1125]);
    });

    it("retries a burst of 503s on GET with exponential backoff, then succeeds", async () => {
        await bed.admin.addFault({
            method: "GET",
            path: projectPath,
            fault: { kind: "status", status: 503, times: 3 },
        });
        expect((await client.getProject("TravelBot")).projectName).to.equal("TravelBot");
        expect(await log()).to.deep.equal(["GET / 503", "GET / 503", "GET / 503", "GET / 200"]);
        expect(clock.sleeps).to.deep.equal([1000, 2000, 4000]);
    });

    it("retries a 503 on an idempotent PUT (deploy replaces)", async () => {
        await bed.admin.addFault({
            method: "PUT",
            path: "/deployments/production$",
            fault: { kind: "status", status: 503, times: 1 },
        });
        const { statusUrl } = await client.startDeploy("TravelBot", "production", { trainedModelLabel: "v1" });
        expect((await waitForJob(client, statusUrl, "deploying")).status).to.equal("succeeded");
        expect((await log()).slice(0, 2)).to.deep.equal([
            "PUT /deployments/production 503",
            "PUT /deployments/production 202",
        ]);
    });

    it("does not retry a 503 on POST: the trigger may have started a job", async () => {
        await bed.admin.addFault({
            method: "POST",
            path: "/:export$",
            fault: { kind: "status", status: 503, times: 1 },
        });
        const failure = await failureOf(client.startExport("TravelBot"));
        expect(failure).to.be.instanceOf(LanguageApiError);
        const error = failure as LanguageApiError;
        expect(error).to.include({ status: 503, code: "ServiceUnavailable", isRetryable: false });
        expect(error.message).to.contain('exporting project "TravelBot"');
        expect(await log()).to.deep.equal(["POST /:export 503"]);
        expect(clock.sleeps).to.be.empty;
    });

    it("retries a GET whose connection was dropped", async () => {
        await bed.admin.addFault({ method: "GET", path: projectPath, fault: { kind: "dropConnection", times: 2 } });
        expect((await client.getProject("TravelBot")).projectName).to.equal("TravelBot");
        expect(await log()).to.deep.equal(["GET / dropped", "GET / dropped", "GET / 200"]);
        expect(clock.sleeps).to.deep.equal([1000, 2000]);
    });

    it("does not retry a POST whose connection was dropped, and says it had no status", async () => {
        await bed.admin.addFault({ method: "POST", path: "/:export$", fault: { kind: "dropConnection", times: 1 } });
        const failure = await failureOf(client.startExport("TravelBot"));
        expect(failure).to.be.instanceOf(LanguageApiError);
        const error = failure as LanguageApiError;
        expect(error.status).to.equal(undefined);
        expect(error.code).to.equal("ECONNRESET");
        expect(error.isRetryable).to.equal(false);
        expect(error.message).to.contain('exporting project "TravelBot"');
        expect(await log()).to.deep.equal(["POST /:export dropped"]);
    });

    it("retries the polls of a job through 429s and 503s", async () => {
        await bed.admin.setJobTiming({ mode: "afterPolls", polls: 2 }, { operation: "export" });
        try {
            const { statusUrl } = await client.startExport("TravelBot");
            await bed.admin.addFault({
                method: "GET",
                path: "/export/jobs/[^/]+$",
                fault: { kind: "throttle", retryAfterSeconds: 1, times: 1 },
            });
            await bed.admin.addFault({
                method: "GET",
                path: "/export/jobs/[^/]+$",
                fault: { kind: "status", status: 503, times: 1 },
            });
            const job = await waitForJob(client, statusUrl, "exporting");
            expect(job.status).to.equal("succeeded");
            expect(await log()).to.deep.equal([
                "POST /:export 202",
                `GET /export/jobs/${job.jobId} 429`,
                `GET /export/jobs/${job.jobId} 503`,
                `GET /export/jobs/${job.jobId} 200`,
                `GET /export/jobs/${job.jobId} 200`,
            ]);
        } finally {
            await bed.admin.resetJobTiming();
        }
    });
});
