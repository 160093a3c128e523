import { sampleContainerName } from "../../stacks/local/samples/sample-project";

/** The document the demo edits: a movie plot of the multi-label sample. */
const location = "movies/plot-04.txt";

/**
 * Changes the text of one sample document in the primary's storage, as a user re-uploading it
 * would, so that the next preview shows the document drift (`documents ~1 (movies/plot-04.txt)`).
 * Each call writes a new text.
 */
export async function editDocument(primaryStorage: string): Promise<string> {
    const text = `A pilot fights to land a burning plane while mourning her father (edited ${new Date().toISOString()}).`;
    // Loaded here, not with the local runner: only this command of it writes a document.
    const { BlobServiceClient }: typeof import("@azure/storage-blob") = require("@azure/storage-blob");
    const blob = BlobServiceClient.fromConnectionString(primaryStorage)
        .getContainerClient(sampleContainerName)
        .getBlockBlobClient(location);
    await blob.upload(text, Buffer.byteLength(text));
    return `edited "${location}" in the primary's storage: ${JSON.stringify(text)}`;
}
