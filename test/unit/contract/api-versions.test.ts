import { expect } from "chai";
import {
    defaultApiVersion,
    familyOfKind,
    isSupportedApiVersion,
    projectKindSchema,
    supportedApiVersions,
} from "../../../provider/contract";

describe("contract/api-versions", () => {
    it("maps every project kind to its family", () => {
        expect(familyOfKind("Conversation")).to.equal("analyze-conversations");
        expect(familyOfKind("Orchestration")).to.equal("analyze-conversations");
        expect(familyOfKind("CustomSingleLabelClassification")).to.equal("analyze-text");
        expect(familyOfKind("CustomMultiLabelClassification")).to.equal("analyze-text");
        expect(familyOfKind("CustomEntityRecognition")).to.equal("analyze-text");
        expect(projectKindSchema.options).to.have.length(5);
    });

    it("supports 2025-11-01 and 2025-11-15-preview for conversations only", () => {
        expect(isSupportedApiVersion("analyze-conversations", "2025-11-01")).to.equal(true);
        expect(isSupportedApiVersion("analyze-conversations", "2025-11-15-preview")).to.equal(true);
        expect(isSupportedApiVersion("analyze-text", "2025-11-01")).to.equal(false);
        expect(isSupportedApiVersion("analyze-text", "2025-11-15-preview")).to.equal(false);
    });

    it("supports the previews the official SDKs default to, in both families", () => {
        for (const family of ["analyze-text", "analyze-conversations"] as const) {
            expect(isSupportedApiVersion(family, "2024-11-15-preview")).to.equal(true);
            expect(isSupportedApiVersion(family, "2025-05-15-preview")).to.equal(true);
        }
        expect(supportedApiVersions["analyze-text"]).to.deep.equal([
            "2022-05-01",
            "2023-04-01",
            "2024-11-15-preview",
            "2025-05-15-preview",
        ]);
    });

    it("rejects other previews and unknown versions", () => {
        expect(isSupportedApiVersion("analyze-conversations", "2023-04-15-preview")).to.equal(false);
        expect(isSupportedApiVersion("analyze-text", "2021-01-01")).to.equal(false);
    });

    it("defaults to a version both families support", () => {
        expect(defaultApiVersion).to.equal("2023-04-01");
        expect(isSupportedApiVersion("analyze-text", defaultApiVersion)).to.equal(true);
        expect(isSupportedApiVersion("analyze-conversations", defaultApiVersion)).to.equal(true);
    });
});
