import { expect } from "chai";
import {
    jobStateSchema,
    jobStatusMeanings,
    jobStatusSchema,
    parseContract,
    trainingJobStateSchema,
} from "../../../provider/contract";
import {
    cluTrainingSucceededBeforeEvaluation,
    exportJobSucceeded,
    importJobFailed,
    textTrainingCancelling,
} from "../../fixtures/contract/jobs";

describe("contract/jobs", () => {
    it("parses every job status", () => {
        for (const status of jobStatusSchema.options) {
            expect(jobStateSchema.parse({ ...exportJobSucceeded(), status }).status).to.equal(status);
        }
        expect(jobStateSchema.safeParse({ ...exportJobSucceeded(), status: "Succeeded" }).success).to.equal(false);
    });

    it("has one meaning per status: only succeeded is a success, in-progress ones are not terminal", () => {
        expect(Object.keys(jobStatusMeanings).sort()).to.deep.equal([...jobStatusSchema.options].sort());
        const inProgress = jobStatusSchema.options.filter((status) => !jobStatusMeanings[status].terminal);
        const successes = jobStatusSchema.options.filter((status) => jobStatusMeanings[status].success);
        expect(inProgress).to.have.members(["notStarted", "running", "cancelling"]);
        expect(successes).to.deep.equal(["succeeded"]);
    });

    it("parses an export job with its resultUrl and keeps unknown fields", () => {
        const parsed = jobStateSchema.parse({ ...exportJobSucceeded(), region: "westeurope" });
        expect(parsed.resultUrl).to.match(/\/export\/jobs\/.+\/result\?api-version=/);
        expect(parsed).to.have.property("region", "westeurope");
    });

    it("parses a failed job with errors and warnings", () => {
        const parsed = jobStateSchema.parse(importJobFailed());
        expect(parsed.errors?.[0]?.innererror?.code).to.equal("InvalidParameterValue");
        expect(parsed.warnings).to.have.length(1);
    });

    it("accepts a succeeded training job whose evaluation has not started", () => {
        const parsed = trainingJobStateSchema.parse(cluTrainingSucceededBeforeEvaluation());
        expect(parsed.status).to.equal("succeeded");
        expect(parsed.result.trainingStatus.status).to.equal("succeeded");
        expect(parsed.result.evaluationStatus?.status).to.equal("notStarted");
    });

    it("accepts a text training job that is cancelling, without trainingMode", () => {
        const parsed = trainingJobStateSchema.parse(textTrainingCancelling());
        expect(parsed.result.trainingMode).to.equal(undefined);
        expect(jobStatusMeanings[parsed.status].terminal).to.equal(false);
    });

    it("requires result on a training job", () => {
        const { result: _omitted, ...withoutResult } = cluTrainingSucceededBeforeEvaluation();
        expect(trainingJobStateSchema.safeParse(withoutResult).success).to.equal(false);
    });

    it("names the offending field of a malformed training job", () => {
        const job = cluTrainingSucceededBeforeEvaluation();
        const malformed = {
            ...job,
            result: { ...job.result, trainingStatus: { ...job.result.trainingStatus, percentComplete: "100" } },
        };
        expect(() => parseContract(trainingJobStateSchema, malformed, "job state")).to.throw(
            'job state: field "result.trainingStatus.percentComplete": expected number, received string',
        );
    });
});
