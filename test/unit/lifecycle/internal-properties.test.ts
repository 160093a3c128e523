import { expect } from "chai";
import { splitInternal } from "../../../provider/lifecycle/internal-properties";

describe("internal properties", () => {
    it("splits the provider's own properties from the resource's", () => {
        const watch = { deploymentName: "prod", expirationDate: "2027-06-01", configExpiry: "2026-11-01" };
        const props = { __provider: "shim", __urn: "urn:x", __expiryWatch: watch, projectName: "faq", __other: 1 };
        expect(splitInternal(props)).to.deep.equal({
            internal: { __provider: "shim", __urn: "urn:x", __expiryWatch: watch },
            rest: { projectName: "faq", __other: 1 },
        });
    });

    it("leaves out the internal properties a bag does not have", () => {
        expect(splitInternal({ __urn: "urn:x", projectName: "faq" })).to.deep.equal({
            internal: { __urn: "urn:x" },
            rest: { projectName: "faq" },
        });
    });
});
