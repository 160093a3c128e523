import { expect } from "chai";
import { ReplicationError } from "../../../provider/lifecycle/replication-error";

describe("ReplicationError: a partial failure the engine saves", () => {
    it("carries the id and properties to save, and its message as the reason shown", () => {
        const error = new ReplicationError("training timed out", "faq", { pendingJob: { step: "train" } });
        expect(error).to.be.instanceOf(Error);
        expect(String(error)).to.equal("ReplicationError: training timed out");
        expect(error.reasons).to.deep.equal(["training timed out"]);
        expect(error.id).to.equal("faq");
        expect(error.properties).to.deep.equal({ pendingJob: { step: "train" } });
    });
});
