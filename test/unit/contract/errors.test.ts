import { expect } from "chai";
import { errorResponseSchema } from "../../../provider/contract";

describe("contract/errors", () => {
    it("parses a two-level innererror chain", () => {
        const body = {
            error: {
                code: "InvalidRequest",
                message: "Invalid request.",
                target: "body",
                details: [{ code: "InvalidArgument", message: "trainingMode is required.", target: "trainingMode" }],
                innererror: {
                    code: "InvalidParameterValue",
                    message: "A parameter is invalid.",
                    details: { parameter: "trainingMode" },
                    innererror: { code: "EmptyRequest", message: "Nothing to train." },
                },
            },
        };
        const parsed = errorResponseSchema.parse(body);
        expect(parsed.error.innererror?.innererror?.code).to.equal("EmptyRequest");
        expect(parsed.error.details?.[0]?.target).to.equal("trainingMode");
    });

    it('accepts the gateway\'s 401 whose code is the string "401"', () => {
        const body = { error: { code: "401", message: "Access denied due to invalid subscription key." } };
        expect(errorResponseSchema.parse(body).error.code).to.equal("401");
    });

    it("rejects a numeric code", () => {
        expect(errorResponseSchema.safeParse({ error: { code: 401, message: "denied" } }).success).to.equal(false);
    });

    it("accepts an Azure.Core inner error without a message and keeps unknown fields", () => {
        const body = {
            error: { code: "Conflict", message: "busy", innererror: { code: "TrainingInProgress" }, requestId: "r1" },
        };
        expect(errorResponseSchema.parse(body).error).to.have.property("requestId", "r1");
    });
});
