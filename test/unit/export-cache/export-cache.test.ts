import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { ExportCache, type KeptExport } from "../../../provider/export-cache/export-cache";
import { privateDirectory } from "../../../provider/export-cache/private-directory";

describe("the export cache: bounded, on disk, private, emptied as it is used", () => {
    let root: string;
    let cache: ExportCache;

    /** A kept export of `size` bytes, written where the cache says. */
    const exported = (size: number): KeptExport => {
        const file = cache.newFile();
        fs.writeFileSync(file, "x".repeat(size), { mode: 0o600 });
        return { path: file, size } as KeptExport;
    };

    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "export-cache-test-"));
        cache = new ExportCache(100, () => privateDirectory(root));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("keeps files in a folder only this user can open", () => {
        const file = exported(10);
        expect(fs.statSync(path.dirname(file.path)).mode & 0o777).to.equal(0o700);
        expect(fs.statSync(file.path).mode & 0o777).to.equal(0o600);
    });

    it("hands a kept export over once, for the import that removes it", () => {
        const file = exported(10);
        cache.keep("r1", file);
        expect(cache.hasAny("r")).to.equal(true);
        const taken = cache.take("r1")!;
        expect(taken.path).to.equal(file.path);
        expect(cache.take("r1"), "a second take").to.equal(undefined);
        cache.discard(taken);
        expect(fs.existsSync(file.path)).to.equal(false);
    });

    it("gives a second claimant its own link, so neither import cuts the other's read", () => {
        const file = exported(10);
        cache.keep("r1", file);
        expect(cache.claim("r1")!.path).to.equal(file.path);
        const first = cache.take("r1")!;
        expect(first.path).not.to.equal(file.path);
        const second = cache.take("r1")!;
        cache.discard(first);
        expect(fs.readFileSync(second.path, "utf8")).to.have.length(10);
    });

    it("removes the least recently used files beyond its bound, and files bigger than it at once", () => {
        const [a, b, c] = [exported(40), exported(40), exported(40)];
        cache.keep("a", a);
        cache.keep("b", b);
        cache.claim("a"); // a is now the more recently used
        cache.keep("c", c);
        expect(fs.existsSync(b.path), "b, least recently used").to.equal(false);
        expect([fs.existsSync(a.path), fs.existsSync(c.path)]).to.deep.equal([true, true]);
        const big = exported(101);
        cache.keep("big", big);
        expect(fs.existsSync(big.path)).to.equal(false);
        expect(cache.take("big")).to.equal(undefined);
    });

    it("replaces a revision kept twice, removing the older file", () => {
        const [older, newer] = [exported(10), exported(10)];
        cache.keep("r1", older);
        cache.keep("r1", newer);
        expect(fs.existsSync(older.path)).to.equal(false);
        expect(cache.take("r1")!.path).to.equal(newer.path);
    });

    it("removes folders that processes which are gone left behind, and only those", () => {
        const gone = path.join(root, "replicated-language-exports-999999999-abc");
        const alive = path.join(root, `replicated-language-exports-${process.ppid}-abc`);
        const other = path.join(root, "someone-else");
        for (const folder of [gone, alive, other]) fs.mkdirSync(folder);
        privateDirectory(root);
        expect([gone, alive, other].map((folder) => fs.existsSync(folder))).to.deep.equal([false, true, true]);
    });
});
