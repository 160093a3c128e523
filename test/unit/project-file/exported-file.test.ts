import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { describeChanges, diffContent, shownItems } from "../../../provider/plan/content-changes";
import { fingerprintOf } from "../../../provider/plan/content-fingerprint";
import { readExportedFile } from "../../../provider/project-file/exported-file";
import { readItemNames } from "../../../provider/project-file/read-item-names";
import { renamedImportBody } from "../../../provider/project-file/renamed-import-body";
import { sampleProjects } from "../../../stacks/local/samples";

describe("an export file on disk: read once, imported under another name", () => {
    let folder: string;
    const write = (name: string, content: unknown) => {
        const file = path.join(folder, name);
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
        return file;
    };

    before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), "exported-file-test-"))));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it("fingerprints every sample kind as the whole object would be", async () => {
        for (const { file } of sampleProjects) {
            const read = await readExportedFile(write(`${file.metadata.projectName}.json`, file));
            const whole = fingerprintOf(file);
            expect(read.fingerprint.contentHash, file.metadata.projectName).to.equal(whole.contentHash);
            expect(read.fingerprint.items).to.deep.equal(whole.items);
            expect(diffContent(read.fingerprint.index, whole.index), "item by item").to.deep.equal([]);
            expect(read.outline.projectKind).to.equal(file.metadata.projectKind);
            expect(read.orchestrationIntents).to.have.length(file.metadata.projectKind === "Orchestration" ? 2 : 0);
        }
    });

    it("streams the file as the import body with only metadata.projectName changed", async () => {
        const { file } = sampleProjects.find((sample) => sample.file.metadata.projectKind === "Conversation")!;
        const read = await readExportedFile(write("clu.json", { ...file, futureField: { kept: "é" } }));
        const body = renamedImportBody(read, "clu-replica");
        const chunks: Buffer[] = [];
        for await (const chunk of body.open()) chunks.push(chunk as Buffer);
        const sent = Buffer.concat(chunks);
        expect(sent.length, "Content-Length").to.equal(body.length);
        expect(JSON.parse(sent.toString("utf8"))).to.deep.equal({
            ...file,
            futureField: { kept: "é" },
            metadata: { ...file.metadata, projectName: "clu-replica" },
        });
    });

    it("names the items a change summary shows by reading just them back from the files", async () => {
        const { file } = sampleProjects[0]!;
        const edited = structuredClone(file);
        (edited.assets as { intents: { category: string }[] }).intents.push({ category: "Refund" });
        const [before, after] = [
            await readExportedFile(write("before.json", file)),
            await readExportedFile(write("after.json", edited)),
        ];
        const changes = diffContent(before.fingerprint.index, after.fingerprint.index);
        const nameOf = await readItemNames(shownItems(changes), {
            before: { path: before.path, index: before.fingerprint.index },
            after: { path: after.path, index: after.fingerprint.index },
        });
        expect(describeChanges(changes, nameOf)).to.equal("intents +1 (Refund)");
        fs.rmSync(after.path);
        const unreadable = await readItemNames(shownItems(changes), {
            before: { path: before.path, index: before.fingerprint.index },
            after: { path: after.path, index: after.fingerprint.index },
        });
        expect(describeChanges(changes, unreadable), "a file removed meanwhile").to.equal("intents +1 (item 5)");
    });

    it("refuses a file the contract refuses, naming the field", async () => {
        const { file } = sampleProjects[0]!;
        const cases: [unknown, RegExp][] = [
            [{ ...file, stringIndexType: "Utf8CodeUnit" }, /stringIndexType/],
            [{ ...file, metadata: { ...file.metadata, language: 3 } }, /metadata.*language/],
            [{ ...file, assets: { ...file.assets, projectKind: "Orchestration" } }, /assets.projectKind: must equal/],
            [
                { ...file, assets: { ...file.assets, utterances: ["just text"] } },
                /assets.utterances\[0\]: expected object/,
            ],
            [{ ...file, projectFileVersion: undefined }, /projectFileVersion: expected a string/],
        ];
        for (const [content, problem] of cases) {
            const failure = await readExportedFile(write("bad.json", content)).catch((error: Error) => error);
            expect(String(failure)).to.match(problem);
        }
    });
});
