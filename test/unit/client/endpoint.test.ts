import { expect } from "chai";
import { checkEndpoint } from "../../../provider/client/endpoint";

describe("endpoint check", () => {
    it("accepts https endpoints and drops the trailing slash", () => {
        expect(checkEndpoint("https://contoso.cognitiveservices.azure.com/")).to.deep.equal({
            endpoint: "https://contoso.cognitiveservices.azure.com",
        });
    });

    it("accepts plain http on loopback only, keeping a path prefix", () => {
        expect(checkEndpoint("http://127.0.0.1:7070/primary")).to.deep.equal({
            endpoint: "http://127.0.0.1:7070/primary",
        });
        expect(checkEndpoint("http://localhost:1/x")).to.have.property("endpoint");
        expect(checkEndpoint("http://[::1]:8/x")).to.have.property("endpoint");
        expect(checkEndpoint("http://contoso.cognitiveservices.azure.com"))
            .to.have.property("problem")
            .that.includes("https");
        expect(checkEndpoint("http://10.0.0.4")).to.have.property("problem");
    });

    it("rejects non-URLs, queries and embedded credentials", () => {
        expect(checkEndpoint("contoso")).to.have.property("problem").that.includes("not a URL");
        expect(checkEndpoint("https://a.example/?api-version=1")).to.have.property("problem").that.includes("query");
        expect(checkEndpoint("https://user:pw@a.example")).to.have.property("problem");
    });
});
