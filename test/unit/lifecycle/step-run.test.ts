import { expect } from "chai";
import { StepBlockedError } from "../../../provider/lifecycle/step-run";

describe("StepBlockedError: a step that running again does not help", () => {
    it("says so by its name where the error is shown", () => {
        expect(String(new StepBlockedError("the candidate failed the gate"))).to.equal(
            "StepBlockedError: the candidate failed the gate",
        );
    });
});
