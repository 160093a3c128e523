import { expect } from "chai";
import { exportedProjectSchema, parseContract, type ExportedProject } from "../../../provider/contract";
import {
    conversationExport,
    entityRecognitionExport,
    multiLabelExport,
    orchestrationExport,
    singleLabelExport,
} from "../../fixtures/contract/exported-projects";

function parse(file: unknown): ExportedProject {
    return parseContract(exportedProjectSchema, file, "exported project");
}

describe("contract/exported-project", () => {
    const files = {
        conversationExport,
        orchestrationExport,
        singleLabelExport,
        multiLabelExport,
        entityRecognitionExport,
    };
    for (const [name, build] of Object.entries(files)) {
        it(`round-trips ${name} without losing anything`, () => {
            const file = build();
            expect(parse(file)).to.deep.equal(file);
        });
    }

    it("reads CLU list, prebuilt and regex components under their wire keys", () => {
        const assets = parse(conversationExport()).assets;
        if (assets?.projectKind !== "Conversation") throw new Error("expected Conversation assets");
        const [city, date, code] = assets.entities ?? [];
        expect(city?.list?.sublists[0]?.synonyms[1]?.values).to.deep.equal(["Paris"]);
        expect(city?.requiredComponents).to.deep.equal(["list"]);
        expect(date?.prebuilts?.[0]?.category).to.equal("DateTime");
        expect(code?.regex?.expressions[0]?.regexPattern).to.equal("[A-Z]{3}\\d{4}");
        expect(assets.intents?.[1]).to.have.property("description");
    });

    it("reads every orchestration target kind", () => {
        const assets = parse(orchestrationExport()).assets;
        if (assets?.projectKind !== "Orchestration") throw new Error("expected Orchestration assets");
        const targets = (assets.intents ?? []).map((intent) => intent.orchestration?.targetProjectKind);
        expect(targets).to.deep.equal(["Conversation", "Luis", "QuestionAnswering", undefined]);
    });

    it("rejects an orchestration target without its details", () => {
        const file = orchestrationExport();
        const bare = { category: "Travel", orchestration: { targetProjectKind: "Conversation" } };
        const broken = { ...file, assets: { ...file.assets, intents: [bare, ...file.assets.intents.slice(1)] } };
        expect(() => parse(broken)).to.throw('field "assets.intents[0].orchestration.conversationOrchestration"');
    });

    it("accepts a file without assets and any projectFileVersion", () => {
        const { assets: _omitted, ...file } = conversationExport();
        expect(parse({ ...file, projectFileVersion: "1.0.0" }).assets).to.equal(undefined);
    });

    it("rejects assets of another kind than the metadata, naming the field", () => {
        const file = { ...conversationExport(), assets: orchestrationExport().assets };
        expect(() => parse(file)).to.throw(
            'exported project: field "assets.projectKind": must equal metadata.projectKind ("Conversation"), got "Orchestration"',
        );
    });

    it("rejects an unknown assets kind", () => {
        const file = conversationExport();
        expect(() => parse({ ...file, assets: { ...file.assets, projectKind: "QuestionAnswering" } })).to.throw(
            'field "assets.projectKind"',
        );
    });

    it("rejects offsets in anything but UTF-16 code units", () => {
        expect(() => parse({ ...singleLabelExport(), stringIndexType: "Utf8CodeUnit" })).to.throw(
            'field "stringIndexType"',
        );
    });

    it("rejects a text project without its storage container", () => {
        const file = entityRecognitionExport();
        const { storageInputContainerName: _omitted, ...metadata } = file.metadata;
        expect(() => parse({ ...file, metadata })).to.throw('field "metadata.storageInputContainerName"');
    });
});
