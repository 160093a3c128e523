import { BlobServiceClient } from "@azure/storage-blob";
import { expect } from "chai";
import { EmulatorAdminClient } from "../../../emulator";
import { check } from "../../../provider/lifecycle/check";
import { freePorts, type LocalServices, startLocalServices } from "../../../scripts/local-stack/local-services";
import { sampleProjects } from "../../../stacks/local/samples";
import { seedPrimary } from "../../../stacks/local/seed-primary";
import { localResources, localStorageAccounts } from "../../../stacks/local/settings";
import { RecordingProxy } from "../../support/recording-proxy";

const project = "movie-genres";

/** What check printed (a resource without a URN logs to stdout): the lines, and check's answer. */
async function checked(olds: Record<string, unknown>, news: Record<string, unknown>) {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: unknown) => lines.push(String(line));
    try {
        return { result: await check(olds, news), lines };
    } finally {
        console.log = log;
    }
}

describe("check: a text project's documents observed from one listing of the primary's storage", function () {
    this.timeout(60_000);

    let services: LocalServices;
    let admin: EmulatorAdminClient;
    let proxy: RecordingProxy;
    let news: Record<string, unknown>;
    let first: Record<string, unknown>;

    const storageOf = (side: "primary" | "secondary") =>
        BlobServiceClient.fromConnectionString(services.storage[side].connectionString).getContainerClient("documents");
    const exports = async () =>
        (await admin.requests("primary")).filter((request) => request.path.endsWith("/:export")).length;
    const withSource = (source: Record<string, unknown>) => ({
        ...news,
        documents: { ...(news.documents as object), source },
    });

    before(async () => {
        services = await startLocalServices({
            ports: freePorts,
            jobTiming: { mode: "instant" },
            rateLimits: { readsPerMinute: 6_000, writesPerMinute: 600 },
        });
        admin = new EmulatorAdminClient(services.emulator.url);
        proxy = await RecordingProxy.start(new URL(services.storage.primary.blobEndpoint).origin);
        const resources = localResources({
            ...services.endpoints,
            primaryStorage: `${proxy.url}/${localStorageAccounts.primary.name}`,
        });
        const samples = sampleProjects.filter((sample) => sample.file.metadata.projectName === project);
        await seedPrimary(
            { ...resources.primary, storageConnectionString: services.storage.primary.connectionString },
            samples,
            () => undefined,
        );
        news = {
            primary: resources.primary,
            secondary: resources.secondary,
            projectName: project,
            documents: {
                source: { connectionString: resources.storage.primary },
                target: { connectionString: resources.storage.secondary },
            },
        };
    });

    after(async () => {
        await proxy?.stop();
        await services?.stop();
    });

    beforeEach(async () => {
        proxy.clear();
        await admin.clearRequests();
    });

    it("records the content of every document the labels reference, reading none of them", async () => {
        const { result } = await checked({}, news);
        expect(result.failures).to.equal(undefined);
        first = result.inputs!;
        const revision = first.primaryRevision as {
            documents: { container: string; contents: Record<string, string> };
        };
        expect(revision.documents.container).to.equal("documents");
        expect(Object.keys(revision.documents.contents)).to.deep.equal([
            "movies/plot-01.txt",
            "movies/plot-02.txt",
            "movies/plot-03.txt",
            "movies/plot-04.txt",
        ]);
        expect(Object.values(revision.documents.contents).every((content) => /^md5:/.test(content))).to.equal(true);
        expect(proxy.requests().map((request) => `${request.method} ${request.comp}`)).to.deep.equal(["GET list"]);
    });

    it("finds nothing new when nothing changed: no export, one listing", async () => {
        const { result } = await checked(first, news);
        expect(result.inputs!.primaryRevision).to.deep.equal(first.primaryRevision);
        expect(await exports()).to.equal(0);
        expect(proxy.requests()).to.have.length(1);
    });

    it("names a document whose text changed on the primary as the pending change, without exporting", async () => {
        const text = "A pilot lands a burning plane, then flies again.";
        await storageOf("primary").getBlockBlobClient("movies/plot-04.txt").upload(text, Buffer.byteLength(text));
        const { result } = await checked(first, news);
        const revision = result.inputs!.primaryRevision as {
            changes: string;
            documents: { contents: Record<string, string> };
        };
        expect(revision.changes).to.equal("documents ~1 (movies/plot-04.txt)");
        const before = (first.primaryRevision as typeof revision).documents.contents;
        const changed = Object.keys(before).filter(
            (location) => before[location] !== revision.documents.contents[location],
        );
        expect(changed).to.deep.equal(["movies/plot-04.txt"]);
        expect(await exports()).to.equal(0);
    });

    it("says so when documents are added to a replica whose primary did not move, exporting at most once to find them", async () => {
        const { documents: _, ...plain } = news;
        const without = (await checked(first, plain)).result.inputs!;
        expect(without.primaryRevision).to.not.have.property("documents");
        await admin.clearRequests();
        const { result } = await checked(without, news);
        expect((result.inputs!.primaryRevision as { changes: string }).changes).to.equal(
            "documents: the texts of 4 documents are copied to the secondary's storage from now on",
        );
        // At most once: an export of this revision that an earlier check of this process kept is read again.
        expect(await exports()).to.be.at.most(1);
    });

    it("keeps the documents last observed when the primary's storage does not answer, and says so", async () => {
        const gone = withSource({
            connectionString: `DefaultEndpointsProtocol=http;AccountName=westeuropedocs;AccountKey=${localStorageAccounts.primary.key};BlobEndpoint=http://127.0.0.1:9/westeuropedocs;`,
        });
        const { result, lines } = await checked(first, gone);
        expect(result.inputs!.primaryRevision).to.deep.equal(first.primaryRevision);
        expect(lines.join("\n")).to.include(
            "the primary's storage cannot be read, keeping its documents as last observed",
        );
        const { result: fresh } = await checked({}, gone);
        expect(fresh.failures?.map((failure) => failure.property)).to.deep.equal(["documents.source"]);
    });

    it("names documents.source for a key the storage refuses or an account without the container, never the key", async () => {
        const wrongKey = Buffer.from("a wrong key".padEnd(64, "?")).toString("base64");
        const refused = withSource({
            connectionString: `DefaultEndpointsProtocol=http;AccountName=westeuropedocs;AccountKey=${wrongKey};BlobEndpoint=${services.storage.primary.blobEndpoint};`,
        });
        const { result } = await checked({}, refused);
        expect(result.failures).to.have.length(1);
        expect(result.failures![0]).to.include({ property: "documents.source" });
        expect(result.failures![0]!.reason)
            .to.match(/403 .*Storage Blob Data Reader/)
            .and.not.include(wrongKey);
        // The secondary's account, which has no such container (copied into another, so not onto itself).
        const elsewhere = {
            ...news,
            documents: {
                ...(news.documents as object),
                source: { connectionString: services.storage.secondary.connectionString },
                container: "replica-documents",
            },
        };
        const missing = (await checked({}, elsewhere)).result.failures![0]!;
        expect(missing.property).to.equal("documents.source");
        expect(missing.reason)
            .to.include("ContainerNotFound")
            .and.include("give the storage account linked to the primary resource");
    });

    it("refuses copying the primary's container onto itself", async () => {
        const documents = news.documents as { source: object };
        const { result } = await checked(
            {},
            { ...news, documents: { source: documents.source, target: documents.source } },
        );
        expect(result.failures?.map((failure) => failure.property)).to.deep.equal(["documents.target"]);
        const { result: elsewhere } = await checked(
            {},
            {
                ...news,
                documents: { source: documents.source, target: documents.source, container: "replica-documents" },
            },
        );
        expect(elsewhere.failures).to.equal(undefined);
    });
});
