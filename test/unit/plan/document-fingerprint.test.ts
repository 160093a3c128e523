import { expect } from "chai";
import {
    contentIdOf,
    describeDocumentChanges,
    documentsHashOf,
    documentsToCopy,
    heldContentOf,
    holdsContent,
    missingDocument,
} from "../../../provider/plan/document-fingerprint";

const md5 = "XrY7u+Ae7tCTyyK7j1rNww==";

describe("document fingerprints: documents told apart by their listing, never read", () => {
    it("prefers the Content-MD5, the same in every account, over the ETag of this one", () => {
        expect(contentIdOf({ contentMD5: md5, etag: "0x1" })).to.equal(`md5:${md5}`);
        expect(contentIdOf({ etag: "0x1" })).to.equal("etag:0x1");
        expect(contentIdOf(undefined)).to.equal(missingDocument);
    });

    it("counts a copy as holding its source when it says so, or has the same MD5", () => {
        expect(holdsContent({ replicatedContent: "etag:0x1" }, "etag:0x1")).to.equal(true);
        expect(holdsContent({ contentMD5: md5 }, `md5:${md5}`)).to.equal(true);
        expect(holdsContent({ replicatedContent: "etag:0x1" }, "etag:0x2")).to.equal(false);
        expect(holdsContent(undefined, "etag:0x1")).to.equal(false);
        expect(holdsContent({ replicatedContent: missingDocument }, missingDocument)).to.equal(false);
    });

    it("records what a secondary blob holds: the content wanted, the source it came from, or missing", () => {
        expect(heldContentOf({ etag: "0x9", replicatedContent: "etag:0x1" }, "etag:0x1")).to.equal("etag:0x1");
        expect(heldContentOf({ etag: "0x9", replicatedContent: "etag:0x1" }, "etag:0x2")).to.equal("etag:0x1");
        expect(heldContentOf({ etag: "0x9" }, "etag:0x2")).to.equal("etag:0x9");
        expect(heldContentOf(undefined, "etag:0x2")).to.equal(missingDocument);
    });

    it("hashes the documents independent of the order they were listed in", () => {
        const hash = documentsHashOf({ "a.txt": "md5:1", "b.txt": "md5:2" });
        expect(hash).to.match(/^sha256:[0-9a-f]{64}$/);
        expect(documentsHashOf({ "b.txt": "md5:2", "a.txt": "md5:1" })).to.equal(hash);
        expect(documentsHashOf({ "a.txt": "md5:1", "b.txt": "md5:3" })).to.not.equal(hash);
    });

    it("names the documents whose text changed, leaving added and removed ones to the labels' summary", () => {
        const before = { "movies/plot-01.txt": "md5:1", "movies/plot-04.txt": "md5:4", "gone.txt": "md5:9" };
        const after = { "movies/plot-01.txt": "md5:1", "movies/plot-04.txt": "md5:5", "new.txt": "md5:7" };
        expect(describeDocumentChanges(before, after)).to.equal("documents ~1 (movies/plot-04.txt)");
        expect(describeDocumentChanges(before, before)).to.equal(undefined);
        const many = Object.fromEntries(["a", "b", "c", "d", "e"].map((name) => [`${name}.txt`, "md5:new"]));
        const old = Object.fromEntries(Object.keys(many).map((name) => [name, "md5:old"]));
        expect(describeDocumentChanges(old, many)).to.equal("documents ~5 (a.txt, b.txt, c.txt, and 2 more)");
    });

    it("copies what the secondary lacks, saying why, and never a document the primary lacks", () => {
        const wanted = { "a.txt": "md5:1", "b.txt": "md5:2", "c.txt": "md5:3", "d.txt": missingDocument };
        const held = { "a.txt": "md5:1", "b.txt": "md5:0", "c.txt": missingDocument };
        expect(documentsToCopy(wanted, held)).to.deep.equal([
            { location: "b.txt", why: "changed on the primary" },
            { location: "c.txt", why: "missing on the secondary" },
        ]);
        expect(documentsToCopy(wanted, {}).map((document) => document.why)).to.deep.equal([
            "not copied yet",
            "not copied yet",
            "not copied yet",
        ]);
        expect(documentsToCopy(wanted, { ...held, "b.txt": "md5:2", "c.txt": "md5:3" })).to.deep.equal([]);
    });
});
