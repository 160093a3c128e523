import { expect } from "chai";
import { documentsSchema } from "../../../provider/lifecycle/documents-input";
import { failuresFor } from "../../support/schema-failures";

const source = { connectionString: "AccountName=primarydocs;AccountKey=a2V5" };
const target = { connectionString: "AccountName=secondarydocs;AccountKey=a2V5" };

describe("documents inputs: where a text project's documents are", () => {
    it("copies into target by default, and only watches source with copy: false", () => {
        expect(documentsSchema.parse({ source, target }).copy).to.equal(true);
        expect(failuresFor(documentsSchema, { source, target, container: "docs-2" })).to.deep.equal([]);
        expect(failuresFor(documentsSchema, { copy: false, source })).to.deep.equal([]);
    });

    it("asks for the target to copy into", () => {
        expect(failuresFor(documentsSchema, { source })).to.deep.equal([
            {
                property: "target",
                reason: "is required with copy: the storage account linked to the secondary resource, which the documents are copied into",
            },
        ]);
    });

    it("names each option unused without copying", () => {
        const reason =
            "is not used with copy: false (the secondary reads the documents from source); remove it, or set copy: true";
        expect(failuresFor(documentsSchema, { copy: false, source, target, container: "docs" })).to.deep.equal([
            { property: "target", reason },
            { property: "container", reason },
        ]);
    });

    it("says what a container name may hold", () => {
        expect(failuresFor(documentsSchema, { source, target, container: "Docs" })).to.deep.equal([
            {
                property: "container",
                reason: "must be 3-63 lowercase letters, digits and single hyphens, not at either end",
            },
        ]);
    });
});
