import { expect } from "chai";
import { ReplicationError } from "../../../provider/lifecycle/replication-error";

/** The protobuf Struct the dynamic-provider host packs a partial failure's properties into. */
const { Struct } = require(
    require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [require.resolve("@pulumi/pulumi")] }),
) as { Struct: { fromJavaScript(value: Record<string, unknown>): { toJavaScript(): unknown } } };

describe("ReplicationError: a partial failure the engine saves", () => {
    it("carries the id and properties to save, and its message as the reason shown", () => {
        const error = new ReplicationError("training timed out", "faq", { pendingJob: { step: "train" } });
        expect(error).to.be.instanceOf(Error);
        expect(String(error)).to.equal("ReplicationError: training timed out");
        expect(error.reasons).to.deep.equal(["training timed out"]);
        expect(error.id).to.equal("faq");
        expect(error.properties).to.deep.equal({ pendingJob: { step: "train" } });
    });

    it("keeps properties the host can pack: an undefined value, at any depth, is left out", () => {
        const state = { projectName: "faq", __expiryWatch: undefined, pendingJob: { step: "train", url: undefined } };
        const error = new ReplicationError("training failed", "faq", state);
        expect(() => Struct.fromJavaScript(state)).to.throw("Unexpected struct type");
        expect(Struct.fromJavaScript(error.properties).toJavaScript()).to.deep.equal({
            projectName: "faq",
            pendingJob: { step: "train" },
        });
    });
});
