import { expect } from "chai";
import { splitInternal } from "../../../provider/lifecycle/internal-properties";

describe("internal properties", () => {
    it("splits the provider's own properties from the resource's", () => {
        expect(splitInternal({ __provider: "shim", __urn: "urn:x", projectName: "faq", __other: 1 })).to.deep.equal({
            internal: { __provider: "shim", __urn: "urn:x" },
            rest: { projectName: "faq", __other: 1 },
        });
    });
});
