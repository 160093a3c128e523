import { RestError } from "@azure/core-rest-pipeline";
import { expect } from "chai";
import { TaskCancelledError } from "cockatiel";
import { describeFailure } from "../../../runtime/region-failure";

const region = { resource: "contoso.example", secrets: ["the-key"] };
const retryable = (status: number) =>
    describeFailure(new RestError("failed", { statusCode: status }), "predicting", region).isRetryable;

describe("region failures: what sends a request to the other region", () => {
    it("timeouts, lost connections, 408, 429 and 5xx", () => {
        expect(
            describeFailure(new TaskCancelledError("Operation timed out after 5ms"), "predicting", region),
        ).to.include({
            code: "Timeout",
            isRetryable: true,
        });
        expect(
            describeFailure(new RestError("socket hang up", { code: "ECONNRESET" }), "predicting", region),
        ).to.include({ code: "ECONNRESET", isRetryable: true, status: undefined });
        for (const status of [408, 429, 500, 502, 503, 504]) expect(retryable(status), `${status}`).to.equal(true);
    });

    it("not a request the service refused, nor a text job that failed", () => {
        for (const status of [400, 401, 403, 404, 409]) expect(retryable(status), `${status}`).to.equal(false);
        expect(describeFailure(new Error("The long-running operation has failed"), "predicting", region)).to.include({
            code: "JobFailed",
            isRetryable: false,
        });
    });

    it("keeps the service's error code and inner codes, and redacts the message", () => {
        const error = new RestError("bad key the-key", { statusCode: 400 });
        error.details = {
            error: {
                code: "InvalidArgument",
                message: "m",
                innererror: { code: "InvalidParameterValue", message: "i" },
            },
        };
        const failure = describeFailure(error, "predicting", region);
        expect(failure).to.include({ code: "InvalidArgument", serviceMessage: "bad key [redacted]" });
        expect(failure.innerCodes).to.deep.equal(["InvalidParameterValue"]);
        expect(failure.message).to.equal(
            "predicting on contoso.example: 400 InvalidArgument: bad key [redacted] (inner: InvalidParameterValue)",
        );
    });
});
