import { expect } from "chai";
import type { ExportedProject } from "../../../provider/contract";
import {
    asPrimaryMetadata,
    desiredDocumentsOf,
    documentsIdentityOf,
    importedMetadataOf,
    targetContainerOf,
} from "../../../provider/lifecycle/replica-documents";
import { checkedInputsFor } from "../../support/checked-inputs";

const access = { connectionString: "AccountName=docs;AccountKey=a2V5" };
const observed = { container: "documents", contents: { "a.txt": "md5:1" } };
const inputs = (documents: Record<string, unknown> | undefined) =>
    checkedInputsFor({
        projectKind: "CustomSingleLabelClassification",
        ...(documents && { documents }),
        primaryRevision: {
            lastModifiedDateTime: "2026-11-20T10:00:00Z",
            contentHash: "sha256:c",
            items: {},
            changes: "",
            documents: observed,
        },
    });
const file = (container: string) =>
    ({
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "CustomSingleLabelClassification",
            projectName: "faq",
            language: "en-us",
            storageInputContainerName: container,
        },
    }) as ExportedProject;

describe("a replica's documents: what the inputs ask of the secondary's storage", () => {
    it("copies into the primary's container name unless another is given, and not at all with copy: false", () => {
        expect(targetContainerOf(inputs({ source: access, target: access }))).to.equal("documents");
        expect(targetContainerOf(inputs({ source: access, target: access, container: "replica" }))).to.equal("replica");
        expect(targetContainerOf(inputs({ copy: false, source: access }))).to.equal(undefined);
        expect(desiredDocumentsOf(inputs({ copy: false, source: access }))).to.equal(undefined);
        expect(desiredDocumentsOf(inputs({ source: access, target: access, container: "replica" }))).to.deep.equal({
            container: "replica",
            sourceContainer: "documents",
            contents: observed.contents,
        });
    });

    it("makes the documents part of what a model is made of, copied or only watched", () => {
        const copied = documentsIdentityOf(inputs({ source: access, target: access }));
        expect(copied.documents).to.match(/^sha256:/);
        expect(documentsIdentityOf(inputs({ copy: false, source: access }))).to.deep.equal(copied);
        expect(documentsIdentityOf(inputs(undefined))).to.deep.equal({});
    });

    it("imports the replica reading the container copied to, and compares its export as the primary wrote it", () => {
        const replica = inputs({ source: access, target: access, container: "replica" });
        expect(importedMetadataOf(file("documents").metadata, replica).storageInputContainerName).to.equal("replica");
        expect(asPrimaryMetadata(file("replica").metadata, replica).storageInputContainerName).to.equal("documents");
        const watched = inputs({ copy: false, source: access });
        expect(importedMetadataOf(file("documents").metadata, watched).storageInputContainerName).to.equal("documents");
    });

    it("leaves the secondary's export as it is when nothing was copied, or the primary's container is not known", () => {
        const watched = inputs({ copy: false, source: access });
        expect(asPrimaryMetadata(file("replica").metadata, watched).storageInputContainerName).to.equal("replica");
        const unobserved = checkedInputsFor({
            projectKind: "CustomSingleLabelClassification",
            documents: { source: access, target: access, container: "replica" },
        });
        expect(asPrimaryMetadata(file("replica").metadata, unobserved).storageInputContainerName).to.equal("replica");
    });
});
