import { expect } from "chai";
import { ModelQualityRules } from "../../../emulator/admin/model-quality";
import { TrainingConfigCatalog } from "../../../emulator/catalog/training-config-catalog";
import type { HostedResource } from "../../../emulator/config/hosted-resource";
import { ManualClock } from "../../../emulator/jobs/clock";
import type { JobEnvironment } from "../../../emulator/jobs/job-environment";
import { JobRunner } from "../../../emulator/jobs/job-runner";
import { JobTimingRules, type JobTiming } from "../../../emulator/jobs/timing";
import type { ForcedOutcome, JobOperation, ResourceState, StoredJob } from "../../../emulator/state/state-schema";

const resource: HostedResource = {
    name: "primary",
    region: "westeurope",
    keys: ["k1", "k2"],
    entraTokens: [],
    endpoint: "http://127.0.0.1:1/primary",
    storage: undefined,
};

function projectState(): ResourceState {
    return {
        projects: {
            Notes: {
                metadata: { projectKind: "Conversation", projectName: "Notes", language: "en" },
                assets: { projectKind: "Conversation" },
                createdMs: 0,
                lastModifiedMs: 0,
                models: {},
                deployments: {},
            },
        },
        jobs: {},
        textJobs: {},
    };
}

describe("emulator/jobs/job-runner", () => {
    let clock: ManualClock;
    let state: ResourceState;
    const training = { configs: new TrainingConfigCatalog(), quality: new ModelQualityRules() };
    const env = (): JobEnvironment => ({ resource, state, now: clock.now(), training });

    beforeEach(() => {
        clock = new ManualClock(Date.parse("2024-01-01T00:00:00Z"));
        state = projectState();
    });

    /** Starts a job on Notes (an export unless told otherwise) under a runner with this timing. */
    async function startJob(
        timing: JobTiming,
        { operation = { kind: "export" }, forced }: { operation?: JobOperation; forced?: ForcedOutcome } = {},
    ): Promise<{ runner: JobRunner; job: StoredJob }> {
        const runner = new JobRunner(new JobTimingRules(timing));
        const job = await runner.start(
            { family: "analyze-conversations", apiVersion: "2023-04-01", projectName: "Notes", operation, forced },
            env(),
        );
        return { runner, job };
    }

    it("finishes an instant job before the trigger answers, doing its work", async () => {
        const { job } = await startJob({ mode: "instant" });
        expect(job.status).to.equal("succeeded");
        expect(job.operation.kind === "export" && job.operation.exportedFile?.projectFileVersion).to.equal(
            "2023-04-01",
        );
        expect(job.statusPath).to.equal(
            `/language/authoring/analyze-conversations/projects/Notes/export/jobs/${job.jobId}`,
        );
    });

    it("goes notStarted, running, succeeded over N polls without any time passing", async () => {
        const { runner, job } = await startJob({ mode: "afterPolls", polls: 3 });
        const seen = [job.status];
        for (let poll = 0; poll < 3; poll++) {
            await runner.poll(job, env());
            seen.push(job.status);
        }
        expect(seen).to.deep.equal(["notStarted", "notStarted", "running", "succeeded"]);
    });

    it("finishes an after-T job on the clock, even unpolled", async () => {
        const { runner, job } = await startJob({ mode: "afterMs", ms: 5000 }, { operation: { kind: "deleteProject" } });
        clock.advance(4999);
        await runner.settle(env());
        expect(job.status).to.equal("notStarted");
        clock.advance(1);
        await runner.settle(env());
        expect(job.status).to.equal("succeeded");
        expect(job.lastUpdatedMs).to.equal(clock.now());
        expect(state.projects).to.not.have.property("Notes");
    });

    it("fails a job as a fault says, without doing its work", async () => {
        const { job } = await startJob(
            { mode: "instant" },
            { forced: { kind: "fail", code: "Timeout", message: "took too long" } },
        );
        expect(job.status).to.equal("failed");
        expect(job.errors).to.deep.equal([{ code: "Timeout", message: "took too long" }]);
        expect(job.operation.kind === "export" && job.operation.exportedFile).to.equal(undefined);
    });

    it("never finishes a hanging job, but cancels it", async () => {
        const { runner, job } = await startJob({ mode: "instant" }, { forced: { kind: "hang" } });
        for (let poll = 0; poll < 10; poll++) {
            await runner.poll(job, env());
        }
        expect(job.status).to.equal("running");
        await runner.cancel(job, env());
        expect(job.status).to.equal("cancelled");
    });

    it("fails a job whose project disappeared", async () => {
        state.projects = {};
        const { job } = await startJob({ mode: "instant" });
        expect(job.status).to.equal("failed");
        expect(job.errors?.[0]?.code).to.equal("ProjectNotFound");
    });

    it("forgets jobs seven days after creation", async () => {
        const { runner, job } = await startJob({ mode: "instant" });
        clock.advance(7 * 24 * 3600 * 1000 - 1);
        await runner.settle(env());
        expect(state.jobs).to.have.property(job.jobId);
        clock.advance(1);
        await runner.settle(env());
        expect(state.jobs).to.not.have.property(job.jobId);
    });
});
