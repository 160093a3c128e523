import { createHash } from "node:crypto";
import { expect } from "chai";
import { exportedProjectSchema, type ExportedProject } from "../../../provider/contract";
import { canonicalJson, describeChanges, fingerprintOf } from "../../../provider/plan/content-fingerprint";
import { conversationExport, singleLabelExport } from "../../fixtures/contract/exported-projects";
import { sampleProjects } from "../../../stacks/local/samples";

const parse = (file: unknown) => exportedProjectSchema.parse(file);
const contentHashOf = (file: ExportedProject) => fingerprintOf(file).contentHash;
const countItems = (file: ExportedProject) => fingerprintOf(file).items;
const indexContent = (file: ExportedProject) => fingerprintOf(file).index;

describe("content fingerprint", () => {
    it("is the hash earlier releases recorded in state, so an upgrade retrains nothing", () => {
        for (const { file } of sampleProjects) {
            const { projectName: _name, ...metadata } = file.metadata;
            const recorded = createHash("sha256").update(canonicalJson({ metadata, assets: file.assets ?? {} }));
            expect(contentHashOf(file), file.metadata.projectName).to.equal(`sha256:${recorded.digest("hex")}`);
        }
    });

    it("ignores key order, list order, the file version and the project name", () => {
        const file = conversationExport();
        const reordered = {
            ...file,
            projectFileVersion: "2022-05-01",
            metadata: { ...file.metadata, projectName: "replica" },
        };
        reordered.assets = { ...file.assets, utterances: [...file.assets.utterances].reverse() };
        expect(contentHashOf(parse(reordered))).to.equal(contentHashOf(parse(file)));
    });

    it("changes with any asset or setting", () => {
        const file = conversationExport();
        const edited = {
            ...file,
            assets: { ...file.assets, intents: [...file.assets.intents, { category: "Cancel" }] },
        };
        const resettled = { ...file, metadata: { ...file.metadata, language: "de" } };
        expect(contentHashOf(parse(edited))).not.to.equal(contentHashOf(parse(file)));
        expect(contentHashOf(parse(resettled))).not.to.equal(contentHashOf(parse(file)));
    });

    it("counts the items of each asset list", () => {
        const counts = countItems(parse(singleLabelExport()));
        expect(Object.keys(counts).sort()).to.deep.equal(["classes", "documents"]);
    });

    it("tells what was added, removed and changed", () => {
        const before = conversationExport();
        const after = conversationExport();
        after.assets.intents.push({ category: "Cancel" });
        after.assets.utterances.push({ text: "stop it", intent: "Cancel", entities: [] } as never);
        after.assets.utterances.shift();
        const summary = describeChanges(indexContent(parse(before)), indexContent(parse(after)));
        expect(summary).to.match(/^intents \+1 \(Cancel\); utterances \+1 -1 \("stop it" \(Cancel\), /);
    });

    it("says so when no item changed", () => {
        const file = parse(conversationExport());
        expect(describeChanges(indexContent(file), indexContent(file))).to.equal(
            "no item changed (settings or labels only)",
        );
    });
});
