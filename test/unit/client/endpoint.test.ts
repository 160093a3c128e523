import { expect } from "chai";
import { checkEndpoint } from "../../../provider/client/endpoint";

function problemOf(raw: string): string {
    const checked = checkEndpoint(raw);
    expect(checked, raw).to.have.property("problem");
    return (checked as { problem: string }).problem;
}

describe("endpoint check", () => {
    it("accepts https endpoints and drops the trailing slash", () => {
        expect(checkEndpoint("https://contoso.cognitiveservices.azure.com/")).to.deep.equal({
            endpoint: "https://contoso.cognitiveservices.azure.com",
        });
    });

    it("accepts plain http on loopback only (localhost included), keeping a path prefix", () => {
        expect(checkEndpoint("http://127.0.0.1:7070/primary")).to.deep.equal({
            endpoint: "http://127.0.0.1:7070/primary",
        });
        expect(checkEndpoint("http://localhost:1/x")).to.deep.equal({ endpoint: "http://localhost:1/x" });
        expect(checkEndpoint("http://LocalHost:1/x")).to.deep.equal({ endpoint: "http://localhost:1/x" });
        expect(checkEndpoint("http://[::1]:8/x")).to.have.property("endpoint");
        expect(problemOf("http://contoso.cognitiveservices.azure.com")).to.include("must use https");
        expect(problemOf("http://10.0.0.4")).to.include("loopback");
        expect(problemOf("http://127.0.0.1.nip.io")).to.include("loopback");
    });

    it("rejects non-URLs and other schemes", () => {
        expect(problemOf("contoso")).to.include("not a URL");
        expect(problemOf("ftp://contoso.example")).to.include("not an http(s) URL");
        expect(problemOf("")).to.include("not a URL");
    });

    it("rejects queries, fragments and embedded credentials without repeating them", () => {
        const query = problemOf("https://a.example/?subscription-key=0123456789abcdef");
        expect(query).to.include("query").and.not.include("0123456789abcdef");
        expect(problemOf("https://a.example/#x")).to.include("fragment");
        expect(problemOf("https://a.example/?")).to.include("query");
        const credentials = problemOf("https://user:s3cret-value@a.example");
        expect(credentials).to.include("user name or password").and.not.include("s3cret-value");
    });

    it("rejects blanks and line breaks, which the URL parser would silently drop", () => {
        expect(problemOf("https://a.example\n")).to.include("line breaks");
        expect(problemOf(" https://a.example")).to.include("blanks");
        expect(problemOf("https://a.exa\tmple")).to.include("blanks");
    });

    it("rejects path tricks: dot segments, encoded characters, backslashes, empty segments", () => {
        for (const raw of [
            "https://a.example/x/../y",
            "https://a.example/./y",
            "https://a.example/%2e%2e/y",
            "https://a.example/a%2Fb",
            "https://a.example//x",
            "https://a.example\\x",
            "http://127.0.0.1:9/primary/..",
        ]) {
            expect(problemOf(raw), raw).to.match(/path/);
        }
        expect(problemOf("https://a.example/language/authoring")).to.include("API path");
    });

    it("never repeats a value that is not shaped like a URL: it may be a pasted secret", () => {
        const secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        expect(problemOf(secret)).to.equal(
            "the value is not a URL; expected e.g. https://<resource>.cognitiveservices.azure.com",
        );
        expect(problemOf(`${secret}\n`)).not.to.include(secret);
        expect(problemOf("http://contoso.example")).to.include('"http://contoso.example"');
    });
});
