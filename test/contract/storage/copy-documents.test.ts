import { Readable } from "node:stream";
import { AccountSASPermissions, BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { expect } from "chai";
import { type AzuriteAccount, type RunningAzurite, startAzurite } from "../../../emulator/storage/azurite";
import { copyDocuments, type DocumentCopyResult } from "../../../provider/operations/copy-documents";
import type { OperationContext } from "../../../provider/operations/operation-context";
import { openSourceStorage } from "../../../provider/storage/source-storage";
import { StorageError } from "../../../provider/storage/storage-error";
import { openTargetStorage } from "../../../provider/storage/target-storage";
import { systemClock } from "../../../provider/client/clock";
import { RecordingProxy } from "../../support/recording-proxy";

const account = (name: string): AzuriteAccount => ({
    name,
    key: Buffer.from(`${name} key of the storage contract tests`.padEnd(64, ".")).toString("base64"),
});
const west = account("westdocs");
const north = account("northdocs");
const east = account("eastdocs");

const texts: Record<string, string> = {
    "movies/plot-01.txt": "A retired agent returns for one last heist.",
    "movies/plot-02.txt": "Two sisters rebuild their lives after the farm is sold.",
    "movies/plot-04.txt": "A pilot fights to land a burning plane.",
};
const locations = Object.keys(texts);

/** A connection string to an account of an Azurite, through a proxy when given. */
function connectionString(azurite: RunningAzurite, of: AzuriteAccount, via?: RecordingProxy): string {
    const base = via?.url ?? new URL(azurite.blobEndpoint).origin;
    return `DefaultEndpointsProtocol=http;AccountName=${of.name};AccountKey=${of.key};BlobEndpoint=${base}/${of.name};`;
}

function context(lines: string[] = []): OperationContext {
    return {
        clock: systemClock,
        polling: { firstMs: 0, intervalMs: 10, maxMs: 100 },
        deadline: Date.now() + 60_000,
        log: (line) => lines.push(line),
        progress: () => undefined,
    };
}

async function listed(container: ContainerClient) {
    const blobs: Record<string, { md5?: string; replicatedcontent?: string }> = {};
    for await (const item of container.listBlobsFlat({ includeMetadata: true })) {
        const md5 = item.properties.contentMD5;
        blobs[item.name] = {
            ...(md5 && { md5: Buffer.from(md5).toString("base64") }),
            ...(item.metadata?.replicatedcontent && { replicatedcontent: item.metadata.replicatedcontent }),
        };
    }
    return blobs;
}

describe("copying a text project's documents between storage accounts (Azurite)", function () {
    this.timeout(60_000);

    /** One storage service holding both regions' accounts, as Azure's does: server-side copies work. */
    let shared: RunningAzurite;
    /** Another storage service: Azurite cannot copy between instances. */
    let other: RunningAzurite;
    /** In front of `shared`: every request to either of its accounts. */
    let proxy: RecordingProxy;
    let source: ContainerClient;

    const requestsTo = (accountName: string) =>
        proxy.requests().filter((request) => request.path.startsWith(`/${accountName}/`));
    /** Blobs written whole (a copy or a single upload), not containers or blocks. */
    const blobWrites = (accountName: string) =>
        requestsTo(accountName).filter(
            (request) => request.method === "PUT" && request.comp === undefined && request.path.split("/").length > 3,
        );
    const copyWithin = (lines?: string[]): Promise<DocumentCopyResult> =>
        copyDocuments({
            source: openSourceStorage({ connectionString: connectionString(shared, west, proxy) }),
            sourceContainer: "documents",
            target: openTargetStorage({ connectionString: connectionString(shared, north, proxy) }),
            targetContainer: "replica-documents",
            locations,
            context: context(lines),
        });

    before(async () => {
        shared = await startAzurite({ accounts: [west, north] });
        other = await startAzurite({ accounts: [east] });
        proxy = await RecordingProxy.start(new URL(shared.blobEndpoint).origin);
        source = BlobServiceClient.fromConnectionString(connectionString(shared, west)).getContainerClient("documents");
        await source.create();
        for (const [location, text] of Object.entries(texts)) {
            await source.getBlockBlobClient(location).upload(text, Buffer.byteLength(text));
        }
    });

    after(async () => {
        await proxy?.stop();
        await shared?.stop();
        await other?.stop();
    });

    beforeEach(() => proxy.clear());

    it("copies server-side within one storage service, each copy carrying its source's content; the source is only read", async () => {
        const lines: string[] = [];
        const result = await copyWithin(lines);
        expect(result.copied).to.deep.equal(locations);
        expect(result.held).to.deep.equal(result.current);
        expect(Object.values(result.current).every((content) => content.startsWith("md5:"))).to.equal(true);
        expect(blobWrites("northdocs").map((request) => request.copiesFromUrl)).to.deep.equal([true, true, true]);
        expect(
            requestsTo("westdocs").every((request) => request.method === "GET" || request.method === "HEAD"),
        ).to.equal(true);
        const target = BlobServiceClient.fromConnectionString(connectionString(shared, north)).getContainerClient(
            "replica-documents",
        );
        const blobs = await listed(target);
        for (const location of locations) {
            expect(blobs[location]).to.deep.equal({
                md5: result.current[location]!.slice(4),
                replicatedcontent: result.current[location],
            });
        }
        expect(lines.join("\n"))
            .to.include("created container northdocs/replica-documents")
            .and.include("(server-side)");
    });

    it("copies nothing when nothing changed: one listing of each side, no write", async () => {
        const result = await copyWithin();
        expect(result.copied).to.deep.equal([]);
        expect(
            proxy.requests().filter((request) => request.method !== "GET" && request.method !== "HEAD"),
        ).to.deep.equal([]);
        expect(requestsTo("westdocs").map((request) => request.comp)).to.deep.equal(["list"]);
    });

    it("copies a document changed on the primary once, and restores one deleted on the secondary", async () => {
        const text = "A pilot fights to land a burning plane while mourning her father.";
        await source.getBlockBlobClient("movies/plot-04.txt").upload(text, Buffer.byteLength(text));
        const target = BlobServiceClient.fromConnectionString(connectionString(shared, north)).getContainerClient(
            "replica-documents",
        );
        await target.deleteBlob("movies/plot-01.txt");
        proxy.clear();
        const result = await copyWithin();
        expect(result.copied).to.deep.equal(["movies/plot-01.txt", "movies/plot-04.txt"]);
        expect(blobWrites("northdocs")).to.have.length(2);
        expect((await target.getBlobClient("movies/plot-04.txt").downloadToBuffer()).toString()).to.equal(text);
        expect((await copyWithin()).copied).to.deep.equal([]);
    });

    it("streams through this process when the secondary's storage cannot read the primary's, in blocks, checking MD5", async () => {
        const big = "x".repeat(3 * 1024 * 1024 + 17);
        // Uploaded in blocks, as large files are: no Content-MD5 then, the ETag tells the content.
        await source
            .getBlockBlobClient("movies/big.txt")
            .uploadStream(Readable.from([Buffer.from(big)]), 1024 * 1024, 2);
        const farProxy = await RecordingProxy.start(new URL(other.blobEndpoint).origin);
        try {
            const lines: string[] = [];
            const result = await copyDocuments({
                source: openSourceStorage({ connectionString: connectionString(shared, west, proxy) }),
                sourceContainer: "documents",
                target: openTargetStorage({ connectionString: connectionString(other, east, farProxy) }),
                targetContainer: "documents",
                locations: [...locations, "movies/big.txt"],
                context: context(lines),
            });
            expect(result.copied).to.have.length(4);
            expect(result.current["movies/big.txt"]).to.match(/^etag:/);
            expect(lines.join("\n")).to.include(
                "cannot read the primary's to copy server-side (404 CannotVerifyCopySource)",
            );
            // 3 MiB and a bit in 1 MiB blocks: never the whole file at once.
            const blocks = farProxy
                .requests()
                .filter((request) => request.path.endsWith("/big.txt") && request.comp === "block");
            expect(blocks).to.have.length(4);
            const target = BlobServiceClient.fromConnectionString(connectionString(other, east)).getContainerClient(
                "documents",
            );
            const blobs = await listed(target);
            expect(blobs["movies/plot-02.txt"]).to.deep.equal({
                md5: result.current["movies/plot-02.txt"]!.slice(4),
                replicatedcontent: result.current["movies/plot-02.txt"],
            });
            expect(blobs["movies/big.txt"]).to.deep.equal({ replicatedcontent: result.current["movies/big.txt"] });
            expect((await target.getBlobClient("movies/big.txt").downloadToBuffer()).length).to.equal(big.length);
        } finally {
            await farProxy.stop();
            await source.deleteBlob("movies/big.txt");
        }
    });

    it("reaches both accounts with SAS tokens alone, still server-side", async () => {
        const sas = (of: AzuriteAccount, permissions: string) =>
            new URL(
                BlobServiceClient.fromConnectionString(connectionString(shared, of)).generateAccountSasUrl(
                    new Date(Date.now() + 3_600_000),
                    AccountSASPermissions.parse(permissions),
                    "sco",
                ),
            ).search.slice(1);
        const result = await copyDocuments({
            source: openSourceStorage({ blobEndpoint: `${proxy.url}/westdocs`, sasToken: sas(west, "rl") }),
            sourceContainer: "documents",
            target: openTargetStorage({
                connectionString: `BlobEndpoint=${proxy.url}/northdocs;SharedAccessSignature=${sas(north, "rwlc")}`,
            }),
            targetContainer: "sas-documents",
            locations,
            context: context(),
        });
        expect(result.copied).to.deep.equal(locations);
        expect(blobWrites("northdocs").map((request) => request.copiesFromUrl)).to.deep.equal([true, true, true]);
    });

    it("reports a document the primary's container lacks as missing, and copies the others", async () => {
        const result = await copyDocuments({
            source: openSourceStorage({ connectionString: connectionString(shared, west) }),
            sourceContainer: "documents",
            target: openTargetStorage({ connectionString: connectionString(shared, north) }),
            targetContainer: "replica-documents",
            locations: [...locations, "movies/plot-99.txt"],
            context: context(),
        });
        expect(result.current["movies/plot-99.txt"]).to.equal("missing");
        expect(result.held["movies/plot-99.txt"]).to.equal("missing");
        expect(result.copied).to.deep.equal([]);
    });

    it("says which account refused which credential, never repeating the key", async () => {
        const wrong = { ...west, key: Buffer.from("not the key".padEnd(64, "!")).toString("base64") };
        const failure = await openSourceStorage({ connectionString: connectionString(shared, wrong) })
            .list("documents", locations)
            .catch((error: unknown) => error);
        expect(failure).to.be.instanceOf(StorageError);
        expect(failure).to.include({ problem: "refused", status: 403 });
        expect((failure as Error).message).to.match(/^listing container "documents" of storage account westdocs: 403 /);
        expect((failure as Error).message).not.to.include(wrong.key);
        const missing = await openSourceStorage({ connectionString: connectionString(shared, west) })
            .list("no-such-container", locations)
            .catch((error: unknown) => error);
        expect(missing).to.include({ problem: "missing", code: "ContainerNotFound" });
    });

    it("tells an account that does not answer apart, as a regional outage", async () => {
        const gone = await startAzurite({ accounts: [west] });
        const access = { connectionString: connectionString(gone, west) };
        await gone.stop();
        const failure = await openSourceStorage(access)
            .list("documents", locations)
            .catch((error: unknown) => error);
        expect(failure).to.include({ problem: "unreachable" });
    });
});
