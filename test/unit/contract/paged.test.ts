import { expect } from "chai";
import { pagedSchema, supportedLanguageSchema, trainingConfigVersionSchema } from "../../../provider/contract";

describe("contract/paged and global lists", () => {
    const languages = pagedSchema(supportedLanguageSchema);

    it("accepts a last page with nextLink null or absent", () => {
        const value = [{ languageName: "English", languageCode: "en" }];
        expect(languages.parse({ value, nextLink: null }).nextLink).to.equal(null);
        expect(languages.parse({ value }).nextLink).to.equal(undefined);
    });

    it("keeps nextLink verbatim", () => {
        const nextLink =
            "https://secondary.cognitiveservices.azure.com/language/authoring/analyze-text/global/languages?skip=1&top=1&api-version=2023-04-01";
        expect(languages.parse({ value: [], nextLink }).nextLink).to.equal(nextLink);
    });

    it("validates the items", () => {
        expect(languages.safeParse({ value: [{ languageName: "English" }] }).success).to.equal(false);
    });

    it("parses training config versions with a date-only expiration", () => {
        const page = pagedSchema(trainingConfigVersionSchema).parse({
            value: [{ trainingConfigVersion: "2022-05-01", modelExpirationDate: "2025-04-30" }],
            nextLink: null,
        });
        expect(page.value[0]?.modelExpirationDate).to.equal("2025-04-30");
    });
});
