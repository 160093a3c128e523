import { expect } from "chai";
import type { TrainingJobState } from "../../../provider/contract";
import { pollSchedules, trainingRemainingMs } from "../../../provider/operations/poll-schedules";

const now = Date.parse("2026-11-22T08:00:30Z");

function training(percentComplete: number, estimatedEndDateTime?: string): TrainingJobState {
    return {
        jobId: "j1",
        createdDateTime: "2026-11-22T08:00:00Z",
        lastUpdatedDateTime: "2026-11-22T08:00:00Z",
        status: "running",
        result: {
            modelLabel: "m",
            trainingConfigVersion: "2022-09-01",
            trainingStatus: { percentComplete, status: "running" },
            ...(estimatedEndDateTime && { estimatedEndDateTime }),
        },
    };
}

describe("poll schedules: each job looked at when it may be done", () => {
    it("first polls short jobs after a second and training after seconds, never at once", () => {
        for (const [job, schedule] of Object.entries(pollSchedules)) {
            expect(schedule.firstMs, job).to.be.at.least(1_000);
            expect(schedule.maxMs, job).to.be.at.least(schedule.intervalMs);
        }
        expect(pollSchedules.train.firstMs).to.be.greaterThan(pollSchedules.export.firstMs);
    });

    it("aims at a text job's estimated end, a little after it", () => {
        expect(trainingRemainingMs(training(0, "2026-11-22T08:00:50Z"), 3_000, now)).to.equal(20_100);
    });

    it("estimates a conversations job's end from its progress, erring early for a percentage that is a floor", () => {
        // 10% after 5 s: at most 11% done, so at least 5 * 89 / 11 s to go.
        expect(trainingRemainingMs(training(10), 5_000, now)).to.be.closeTo((5_000 * 89) / 11, 1);
        // Near the end: what a percent more would take, at least 250 ms.
        expect(trainingRemainingMs(training(99), 29_000, now)).to.equal(290);
        expect(trainingRemainingMs(training(99), 10_000, now)).to.equal(250);
    });

    it("takes the earlier of the two estimates, and none while the job says nothing", () => {
        expect(trainingRemainingMs(training(50, "2026-11-22T08:01:30Z"), 10_000, now)).to.be.closeTo(
            (10_000 * 49) / 51,
            1,
        );
        expect(trainingRemainingMs(training(0), 10_000, now)).to.equal(undefined);
        expect(trainingRemainingMs(training(100), 10_000, now)).to.equal(undefined);
    });
});
