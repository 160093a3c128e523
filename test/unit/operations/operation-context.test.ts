import { expect } from "chai";
import { progressLine } from "../../../provider/operations/operation-context";

describe("progressLine: a job's status as the user sees it", () => {
    it("names the operation, the status, the percent complete and the job", () => {
        expect(progressLine({ operation: "training", status: "running", percentComplete: 40, jobId: "j1" })).to.equal(
            "training: running 40% (job j1)",
        );
    });

    it("leaves the percent out when the job gives none", () => {
        expect(progressLine({ operation: "exporting", status: "notStarted", jobId: "j2" })).to.equal(
            "exporting: notStarted (job j2)",
        );
    });
});
