import { expect } from "chai";
import { copyDocuments } from "../../../provider/operations/copy-documents";
import { StorageError } from "../../../provider/storage/storage-error";
import { FakeClock } from "../../support/fake-clock";
import { failureOf } from "../../support/failure-of";
import { type MemoryBlob, md5Of, memorySource, memoryTarget } from "../../support/memory-storage";
import { recordingContext } from "../../support/operation-bed";

const withMd5 = (text: string, more: Partial<MemoryBlob> = {}): MemoryBlob => ({
    text,
    contentMD5: md5Of(text),
    ...more,
});
const serverSideLimit = 256 * 1024 * 1024;

describe("copyDocuments: the secondary's container brought up to the primary's, in memory", () => {
    function bed(
        blobs: Record<string, MemoryBlob>,
        refusal?: StorageError | ((location: string) => StorageError | undefined),
    ) {
        const source = memorySource("west", "docs", blobs);
        const refuse = typeof refusal === "function" ? refusal : () => refusal;
        const target = memoryTarget("north", { source, refuse });
        const context = recordingContext(new FakeClock());
        const copy = (locations = Object.keys(blobs)) =>
            copyDocuments({
                source: source.source,
                sourceContainer: "docs",
                target: target.target,
                targetContainer: "replica",
                locations,
                context,
            });
        return { source, target, context, copy };
    }

    it("copies server-side what the secondary lacks, each copy carrying its content id, and nothing on a resync", async () => {
        const { target, context, copy } = bed({ "a.txt": withMd5("alpha"), "b.txt": { text: "beta" } });
        const result = await copy(["a.txt", "b.txt", "gone.txt"]);
        const ids = { "a.txt": `md5:${md5Of("alpha")}`, "b.txt": `etag:etag-${md5Of("beta")}` };
        expect(result).to.deep.equal({
            current: { ...ids, "gone.txt": "missing" },
            held: { ...ids, "gone.txt": "missing" },
            copied: ["a.txt", "b.txt"],
        });
        expect(target.writes).to.have.members(["copyFromUrl a.txt", "copyFromUrl b.txt"]);
        expect(target.properties.get("a.txt")).to.deep.equal({
            metadata: { replicatedcontent: ids["a.txt"] },
            etag: `etag-${md5Of("alpha")}`,
        });
        expect(context.logged).to.deep.equal([
            "created container north/replica",
            "copying 2 of 3 documents from west/docs to north/replica",
            "copied a.txt, b.txt (server-side) to north/replica",
        ]);
        expect(context.progressed).to.have.members(["copied a.txt (server-side)", "copied b.txt (server-side)"]);

        target.writes.length = 0;
        context.logged.length = 0;
        const again = await copy(["a.txt", "b.txt", "gone.txt"]);
        expect(again.copied).to.deep.equal([]);
        expect(again.held).to.deep.equal(result.held);
        expect(target.writes).to.deep.equal([]);
        expect(context.logged).to.deep.equal([]);
    });

    it("streams the rest, saying so once, when the secondary's storage cannot read the primary's", async () => {
        const refusal = new StorageError("cannot verify", "failed", "CannotVerifyCopySource", 409);
        const { target, context, copy } = bed(
            { "a.txt": withMd5("alpha", { contentType: "text/plain" }), "b.txt": withMd5("beta") },
            refusal,
        );
        await copy();
        expect(target.writes.filter((write) => write.startsWith("copyFromUrl")))
            .to.have.length.at.most(2)
            .and.at.least(1);
        expect(target.writes.filter((write) => write.startsWith("upload"))).to.have.members([
            "upload a.txt",
            "upload b.txt",
        ]);
        expect(target.account.containerOf("replica").get("a.txt")?.text).to.equal("alpha");
        expect(target.properties.get("a.txt")).to.deep.equal({
            metadata: { replicatedcontent: `md5:${md5Of("alpha")}` },
            contentType: "text/plain",
            contentMD5: md5Of("alpha"),
        });
        expect(target.properties.get("b.txt")).to.not.have.property("contentType");
        expect(context.logged.filter((line) => line.includes("cannot read"))).to.deep.equal([
            "the secondary's storage cannot read the primary's to copy server-side (409 CannotVerifyCopySource); the documents are streamed through this process",
        ]);
        expect(context.logged.at(-1)).to.equal("copied a.txt, b.txt (streamed) to north/replica");
        expect(context.progressed).to.have.members(["copied a.txt (streamed)", "copied b.txt (streamed)"]);
    });

    it("streams when the service does not offer server-side copies (501), naming only the status", async () => {
        const { target, context, copy } = bed(
            { "a.txt": withMd5("alpha") },
            new StorageError("no", "failed", undefined, 501),
        );
        await copy();
        expect(target.writes).to.deep.equal(["copyFromUrl a.txt", "upload a.txt"]);
        expect(context.logged.filter((line) => line.includes("server-side (501);"))).to.have.length(1);
    });

    it("fails on any other refusal of a server-side copy, without streaming", async () => {
        const refusal = new StorageError("denied", "refused", "AuthorizationPermissionMismatch", 403);
        const { target, copy } = bed({ "a.txt": withMd5("alpha") }, refusal);
        expect(await failureOf(copy())).to.equal(refusal);
        expect(target.writes).to.deep.equal(["copyFromUrl a.txt"]);
    });

    it("streams a document too large for a server-side copy, and copies one at the limit server-side", async () => {
        const large = bed({
            "limit.txt": withMd5("l", { contentLength: serverSideLimit }),
            "large.txt": withMd5("L", { contentLength: serverSideLimit + 1 }),
        });
        await large.copy();
        expect(large.target.writes).to.have.members(["copyFromUrl limit.txt", "upload large.txt"]);
        expect(large.context.logged.at(-1)).to.match(
            / \((server-side, streamed|streamed, server-side)\) to north\/replica$/,
        );
    });

    it("removes a streamed copy whose bytes differ from the source's MD5, and says so", async () => {
        const { target, copy } = bed(
            { "a.txt": { text: "changed", contentMD5: md5Of("alpha") } },
            new StorageError("", "failed", "CannotVerifyCopySource", 409),
        );
        const error = (await failureOf(copy())) as Error;
        expect(error.message).to.equal(
            `copying "a.txt": the bytes read have MD5 ${md5Of("changed")}, the source says ${md5Of("alpha")}; the copy was removed`,
        );
        expect(target.writes).to.deep.equal(["copyFromUrl a.txt", "upload a.txt", "remove a.txt"]);
        expect(target.account.containerOf("replica").has("a.txt")).to.equal(false);
    });

    it("gives up at the deadline, saying what stays", async () => {
        const { source, target, context } = bed({ "a.txt": withMd5("alpha") });
        // A primary's storage that does not answer: the copy's own timeout ends the wait.
        source.source.list = (_container, _locations, signal) =>
            new Promise((_, reject) => signal!.addEventListener("abort", () => reject(signal!.reason)));
        const error = (await failureOf(
            copyDocuments({
                source: source.source,
                sourceContainer: "docs",
                target: target.target,
                targetContainer: "replica",
                locations: ["a.txt"],
                context: { ...context, deadline: context.clock.now() },
            }),
        )) as Error;
        expect(error.message).to.equal(
            "copying documents from west/docs to north/replica: gave up after the copy timeout (timeoutMinutes.copy); what was copied stays and is not copied again",
        );
    });

    it("stops copying at the first failure, leaving the documents not yet started", async () => {
        const names = Array.from({ length: 9 }, (_, index) => `${index}.txt`);
        const denied = new StorageError("denied", "refused", "AuthorizationPermissionMismatch", 403);
        const { target, copy } = bed(Object.fromEntries(names.map((name) => [name, withMd5(name)])), (location) =>
            location === "0.txt" ? denied : undefined,
        );
        expect(await failureOf(copy())).to.equal(denied);
        // Let the copies in flight settle: they were aborted, and none took the ninth document.
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
        expect(target.writes).to.have.length(8).and.not.include("copyFromUrl 8.txt");
        expect(target.account.containerOf("replica").size).to.equal(0);
    });

    it("stops when the user cancels, with the cancellation rather than the timeout", async () => {
        const { source, target, context } = bed({ "a.txt": withMd5("alpha") });
        source.source.list = (_container, _locations, signal) =>
            new Promise((_, reject) => signal!.addEventListener("abort", () => reject(signal!.reason)));
        const cancel = new AbortController();
        const copying = copyDocuments({
            source: source.source,
            sourceContainer: "docs",
            target: target.target,
            targetContainer: "replica",
            locations: ["a.txt"],
            context: { ...context, signal: cancel.signal },
        });
        cancel.abort(new Error("cancelled by the user"));
        expect(((await failureOf(copying)) as Error).message).to.equal("cancelled by the user");
    });
});
