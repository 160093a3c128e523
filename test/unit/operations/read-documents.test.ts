import { expect } from "chai";
import { readDocuments } from "../../../provider/operations/read-documents";
import { failureOf } from "../../support/failure-of";

const key = "c2VjcmV0LWtleQ==";
const sas = "sv=2024-01-01&sig=c2lnbmF0dXJl";
const connectionString = `DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=${key};SharedAccessSignature=${sas};EndpointSuffix=core.windows.net`;

/**
 * The storage SDK's module, swapped for one whose containers hold `blobs` (a blob named
 * nowhere fails with `failure`), while `body` runs: readDocuments loads the SDK when it reads,
 * so the test needs no storage account, no network, and not even the SDK's load time.
 */
async function withStorage<T>(
    blobs: Record<string, Record<string, string>>,
    failure: unknown,
    body: () => Promise<T>,
): Promise<{ result: T; opened: string[] }> {
    const path = require.resolve("@azure/storage-blob");
    const real = require.cache[path];
    const opened: string[] = [];
    const fake = {
        BlobServiceClient: {
            fromConnectionString: (given: string) => {
                opened.push(given);
                return {
                    getContainerClient: (container: string) => ({
                        getBlobClient: (name: string) => ({
                            downloadToBuffer: async () => {
                                const text = blobs[container]?.[name];
                                if (text === undefined) throw failure;
                                return Buffer.from(text, "utf8");
                            },
                        }),
                    }),
                };
            },
        },
    };
    require.cache[path] = { id: path, filename: path, loaded: true, children: [], paths: [], exports: fake } as never;
    try {
        return { result: await body(), opened };
    } finally {
        if (real) require.cache[path] = real;
        else delete require.cache[path];
    }
}

describe("readDocuments: a text project's documents, read from its container", () => {
    it("reads each location of the container as UTF-8 text", async () => {
        const blobs = { documents: { "a.txt": "Miete fällig", "b.txt": "second", "c.txt": "unread" } };
        const { result, opened } = await withStorage(blobs, "", () =>
            readDocuments(connectionString, "documents", ["a.txt", "b.txt"]),
        );
        expect([...result]).to.deep.equal([
            ["a.txt", "Miete fällig"],
            ["b.txt", "second"],
        ]);
        expect(opened).to.deep.equal([connectionString]);
    });

    it("names the document and container that failed, with the first line of the cause and no secret of the connection string", async () => {
        const failure = `Server failed to authenticate the request with key ${key} and ${sas}\nRequestId: 1`;
        const { result } = await withStorage({ documents: { "a.txt": "first" } }, new Error(failure), () =>
            failureOf(readDocuments(connectionString, "documents", ["a.txt", "gone.txt"])),
        );
        const message = (result as Error).message;
        expect(message).to.match(
            /^reading document "gone\.txt" from container "documents" for the parity probe: Server failed to authenticate the request with key .+ and .+$/,
        );
        expect(message).to.not.include(key).and.not.include(sas).and.not.include("RequestId");
    });

    it("reports a failure that is not an Error as it is", async () => {
        const { result } = await withStorage({}, "ECONNRESET", () =>
            failureOf(readDocuments(connectionString, "docs", ["a.txt"])),
        );
        expect((result as Error).message).to.equal(
            'reading document "a.txt" from container "docs" for the parity probe: ECONNRESET',
        );
    });
});
