import { redact } from "../client/redact";

/**
 * The texts of a text project's documents, read from the storage container the project names
 * (`storageInputContainerName`); each `location` is a blob there. The storage client is loaded
 * only when documents are read; no error repeats the account key or SAS of the connection string.
 */
export async function readDocuments(
    connectionString: string,
    container: string,
    locations: readonly string[],
): Promise<Map<string, string>> {
    const { BlobServiceClient }: typeof import("@azure/storage-blob") = require("@azure/storage-blob");
    const client = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
    const texts = new Map<string, string>();
    for (const location of locations) {
        try {
            texts.set(location, (await client.getBlobClient(location).downloadToBuffer()).toString("utf8"));
        } catch (error) {
            const cause = error instanceof Error ? error.message.split("\n")[0]! : String(error);
            throw new Error(
                `reading document "${location}" from container "${container}" for the parity probe: ${redact(cause, secretsOf(connectionString))}`,
            );
        }
    }
    return texts;
}

/** The parts of a connection string that grant access. */
function secretsOf(connectionString: string): string[] {
    return [...connectionString.matchAll(/(?:AccountKey|SharedAccessSignature)=([^;]+)/gi)].map((match) => match[1]!);
}
