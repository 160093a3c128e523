import type { BlobClient, BlobServiceClient, HttpAuthorization, StoragePipelineOptions } from "@azure/storage-blob";
import { entraCredentialOf, type EntraIdSettings } from "../client/credentials";
import { connectionStringParts } from "./connection-string";

/** How a storage account is reached: a connection string, or its blob endpoint with a SAS token or Entra ID. */
export interface StorageAccessSettings {
    connectionString?: string | undefined;
    blobEndpoint?: string | undefined;
    sasToken?: string | undefined;
    entraId?: EntraIdSettings | undefined;
}

/** The OAuth scope of Azure Storage data-plane calls made with Microsoft Entra ID. */
const storageScope = "https://storage.azure.com/.default";

/**
 * A few quick retries: a storage account of a region that is down must not stall a preview for
 * minutes (check keeps the last observation then), and copies are retried by the next `up`.
 */
const pipelineOptions: StoragePipelineOptions = {
    retryOptions: { maxTries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 4_000, tryTimeoutInMs: 60_000 },
};

/** How long a SAS the provider signs for a server-side copy stays valid: one copy takes seconds. */
const copySasLifetimeMs = 60 * 60_000;
/** Signed as valid a little before now: the storage service's clock may be behind this machine's. */
const clockSkewMs = 5 * 60_000;

/** A storage account as the storage layer uses it. */
export interface BlobAccount {
    /** The account name, as messages say it. */
    readonly name: string;
    readonly service: BlobServiceClient;
    /** What no message may repeat: the account key, the SAS, the client secret. */
    readonly secrets: readonly string[];
    /**
     * How another storage service may read a blob of this account for a server-side copy: a
     * read-only SAS URL (signed here with the account key, or the SAS given), or the plain URL
     * with a bearer token of the Entra ID identity, which needs read access to the blob.
     */
    readableSource(blob: BlobClient, signal?: AbortSignal): Promise<{ url: string; authorization?: HttpAuthorization }>;
}

/** Opens a storage account; @azure/storage-blob is loaded only when documents are handled. */
export function openBlobAccount(access: StorageAccessSettings): BlobAccount {
    const storage: typeof import("@azure/storage-blob") = require("@azure/storage-blob");
    if (access.connectionString !== undefined) {
        const parts = connectionStringParts(access.connectionString);
        const service = storage.BlobServiceClient.fromConnectionString(access.connectionString, pipelineOptions);
        const signsItsOwn = parts.has("accountkey");
        return {
            name: service.accountName,
            service,
            secrets: [parts.get("accountkey"), parts.get("sharedaccesssignature")].filter(isText),
            readableSource: async (blob) => ({
                url: signsItsOwn
                    ? await blob.generateSasUrl({
                          permissions: storage.BlobSASPermissions.parse("r"),
                          startsOn: new Date(Date.now() - clockSkewMs),
                          expiresOn: new Date(Date.now() + copySasLifetimeMs),
                      })
                    : blob.url,
            }),
        };
    }
    const endpoint = access.blobEndpoint!.replace(/\/+$/, "");
    if (access.sasToken !== undefined) {
        const sas = access.sasToken.replace(/^\?/, "");
        const service = new storage.BlobServiceClient(`${endpoint}?${sas}`, undefined, pipelineOptions);
        return {
            name: service.accountName,
            service,
            secrets: [sas],
            readableSource: async (blob) => ({ url: blob.url }),
        };
    }
    const credential = entraCredentialOf(access.entraId ?? {});
    const service = new storage.BlobServiceClient(endpoint, credential, pipelineOptions);
    return {
        name: service.accountName,
        service,
        secrets: [access.entraId?.clientSecret].filter(isText),
        readableSource: async (blob, signal) => {
            const token = await credential.getToken(storageScope, { abortSignal: signal });
            if (!token) throw new Error(`Microsoft Entra ID returned no token for ${storageScope}`);
            return { url: blob.url, authorization: { scheme: "Bearer", value: token.token } };
        },
    };
}

function isText(value: string | undefined): value is string {
    return value !== undefined && value.length > 0;
}
