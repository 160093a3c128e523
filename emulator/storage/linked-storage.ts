import type { BlobServiceClient } from "@azure/storage-blob";

/** What a look into storage found; `unreachable` keeps a storage outage apart from a missing item. */
export type StorageLookup<Found> =
    | ({ readonly kind: "found" } & Found)
    | { readonly kind: "missing" }
    | { readonly kind: "unreachable"; readonly cause: string };

/**
 * The storage account linked to a Language resource. Custom text projects name a container in it,
 * and every document `location` is a blob name in that container.
 */
export class LinkedStorage {
    readonly accountName: string;
    private blobClient: BlobServiceClient | undefined;

    constructor(private readonly connectionString: string) {
        this.accountName = /(?:^|;)AccountName=([^;]+)/i.exec(connectionString)?.[1] ?? "(unnamed account)";
    }

    /**
     * The storage SDK is loaded at the first document read, not with the emulator: it takes a
     * quarter of a second to load, and most commands of the local stack read no document.
     */
    private get client(): BlobServiceClient {
        if (this.blobClient) return this.blobClient;
        const storage: typeof import("@azure/storage-blob") = require("@azure/storage-blob");
        // A few quick tries. One is not enough: the client keeps sockets alive and Azurite closes
        // them after 5 idle seconds, so under load a read can go out on a socket the server is
        // closing and meet "socket hang up" (ECONNRESET), which says nothing about the account;
        // the retry goes out on a new socket. A dead storage account still fails the job within
        // seconds (a refused connection fails each try at once), not after minutes.
        return (this.blobClient = storage.BlobServiceClient.fromConnectionString(this.connectionString, {
            retryOptions: {
                maxTries: 3,
                tryTimeoutInMs: 5_000,
                retryDelayInMs: 50,
                retryPolicyType: storage.StorageRetryPolicyType.FIXED,
            },
        }));
    }

    async findContainer(containerName: string): Promise<StorageLookup<object>> {
        try {
            return (await this.client.getContainerClient(containerName).exists())
                ? { kind: "found" }
                : { kind: "missing" };
        } catch (error) {
            return { kind: "unreachable", cause: describe(error) };
        }
    }

    async readDocument(containerName: string, location: string): Promise<StorageLookup<{ readonly text: string }>> {
        const blob = this.client.getContainerClient(containerName).getBlobClient(location);
        try {
            if (!(await blob.exists())) {
                return { kind: "missing" };
            }
            return { kind: "found", text: (await blob.downloadToBuffer()).toString("utf8") };
        } catch (error) {
            return { kind: "unreachable", cause: describe(error) };
        }
    }
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
