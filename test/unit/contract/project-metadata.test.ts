import { expect } from "chai";
import {
    createProjectOptionsSchema,
    exportedProjectMetadataSchema,
    parseContract,
    projectMetadataSchema,
} from "../../../provider/contract";

const neverTrained = {
    createdDateTime: "2024-01-09T08:00:00Z",
    lastModifiedDateTime: "2024-01-09T08:10:00Z",
    projectKind: "CustomMultiLabelClassification",
    storageInputContainerName: "plots",
    projectName: "films",
    multilingual: false,
    language: "en",
};

describe("contract/project-metadata", () => {
    it("accepts a project that was never trained or deployed (keys omitted)", () => {
        const parsed = projectMetadataSchema.parse(neverTrained);
        expect(parsed.lastTrainedDateTime).to.equal(undefined);
        expect(parsed.lastDeployedDateTime).to.equal(undefined);
    });

    it("keeps unknown fields on responses", () => {
        const parsed = projectMetadataSchema.parse({
            ...neverTrained,
            settings: { confidenceThreshold: 0.3, futureFlag: 1 },
            etag: "x",
        });
        expect(parsed).to.have.property("etag", "x");
        expect(parsed.settings).to.have.property("futureFlag", 1);
    });

    it("requires createdDateTime and lastModifiedDateTime", () => {
        const { lastModifiedDateTime: _omitted, ...withoutModified } = neverTrained;
        expect(() => parseContract(projectMetadataSchema, withoutModified, "project")).to.throw(
            'project: field "lastModifiedDateTime": expected string, received undefined',
        );
    });

    it("requires a storage container for text kinds only", () => {
        const { storageInputContainerName: _omitted, ...withoutContainer } = neverTrained;
        expect(() => parseContract(projectMetadataSchema, withoutContainer, "project")).to.throw(
            'project: field "storageInputContainerName": required for CustomMultiLabelClassification projects',
        );
        const clu = { ...withoutContainer, projectKind: "Conversation" };
        expect(projectMetadataSchema.safeParse(clu).success).to.equal(true);
    });

    it("builds a strict PATCH body", () => {
        const body = {
            projectKind: "Conversation",
            projectName: "Travel",
            language: "en-us",
            settings: { confidenceThreshold: 0.5 },
        };
        expect(createProjectOptionsSchema.parse(body)).to.deep.equal(body);
    });

    it("rejects unknown fields in the PATCH body, at the top and in settings", () => {
        const body = { projectKind: "Conversation", projectName: "Travel", language: "en-us" };
        expect(() =>
            parseContract(createProjectOptionsSchema, { ...body, langauge: "en" }, "project options"),
        ).to.throw('project options: field "langauge": unknown field');
        expect(createProjectOptionsSchema.safeParse({ ...body, settings: { threshold: 0.5 } }).success).to.equal(false);
        expect(
            createProjectOptionsSchema.safeParse({ ...body, createdDateTime: "2024-01-09T08:00:00Z" }).success,
        ).to.equal(false);
    });

    it("keeps unknown fields in export metadata", () => {
        const metadata = { projectKind: "Orchestration", projectName: "FrontDoor", language: "en", newField: true };
        expect(exportedProjectMetadataSchema.parse(metadata)).to.deep.equal(metadata);
    });

    it("rejects a threshold outside 0..1", () => {
        const body = {
            projectKind: "Conversation",
            projectName: "Travel",
            language: "en",
            settings: { confidenceThreshold: 1.5 },
        };
        expect(createProjectOptionsSchema.safeParse(body).success).to.equal(false);
    });
});
