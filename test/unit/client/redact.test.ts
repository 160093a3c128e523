import { expect } from "chai";
import { redact, redacted } from "../../../provider/client/redact";

/**
 * Text that may carry a credential the client does not know it sent (a token a proxy added, a
 * header another tool echoed): the patterns must catch it even with no secret given.
 */
describe("redact", () => {
    const cases: [string, string, string][] = [
        ["a key header in JSON", '{"ocp-apim-subscription-key":"0123abcd"}', "0123abcd"],
        ["a key header as text", "Ocp-Apim-Subscription-Key: 0123abcd", "0123abcd"],
        ["a bearer token", "Authorization: Bearer eyJhbGciOi.abc-_def.ghi~+/=", "eyJhbGciOi.abc-_def.ghi~+/="],
        ["a bearer token in JSON", '{"authorization":"Bearer eyJhbGciOi.payload.sig"}', "eyJhbGciOi.payload.sig"],
    ];
    for (const [name, text, secret] of cases) {
        it(`removes ${name} with no secret given`, () => {
            const clean = redact(text);
            expect(clean).not.to.include(secret);
            expect(clean).to.include(redacted);
        });
    }

    it("removes every occurrence of a given secret, wherever it stands", () => {
        expect(redact("k=s3cr3t, again s3cr3t", ["s3cr3t"])).to.equal(`k=${redacted}, again ${redacted}`);
    });

    it("leaves text without credentials as it was", () => {
        const text = 'getting project "faq": 404 ProjectNotFound';
        expect(redact(text, ["unrelated"])).to.equal(text);
    });
});
