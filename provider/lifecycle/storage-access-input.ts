import { z } from "zod";
import { checkEndpoint, type EndpointRules } from "../client/endpoint";
import { connectionStringParts } from "../storage/connection-string";
import { entraIdSchema, secretSchema } from "./connection-input";

const blobEndpointRules: EndpointRules = {
    example: "https://<account>.blob.core.windows.net",
    credentialsHint: 'give a SAS in "sasToken"',
    queryHint: 'a SAS token goes in "sasToken", which is kept secret',
};

const whereKeysAre = `the storage account's "Access keys" page`;

/**
 * A storage connection string as the Azure portal gives it: it names the account (AccountName= or
 * BlobEndpoint=) and holds the credential (AccountKey= or SharedAccessSignature=). Credentials
 * never travel in clear text: a BlobEndpoint must be https unless it is loopback (Azurite), and
 * DefaultEndpointsProtocol=http is refused without one. The value is never repeated.
 */
export const storageConnectionStringSchema = secretSchema("connection string", whereKeysAre).superRefine(
    (value, ctx) => {
        // The secret's own rules have spoken already for an empty value, blanks or other characters
        // (none of which are printable ASCII): such a value is not parsed.
        if (!/^[\x21-\x7e]+$/.test(value)) return;
        const problem = connectionStringProblem(connectionStringParts(value));
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    },
);

function connectionStringProblem(parts: ReadonlyMap<string, string>): string | undefined {
    if (!parts.has("accountname") && !parts.has("blobendpoint")) {
        return `must be a storage connection string, with AccountName= or BlobEndpoint= (${whereKeysAre})`;
    }
    if (!parts.has("accountkey") && !parts.has("sharedaccesssignature")) {
        return "holds no credential: give one with AccountKey= or SharedAccessSignature= (for Microsoft Entra ID, give blobEndpoint and entraId instead)";
    }
    const blobEndpoint = parts.get("blobendpoint");
    if (blobEndpoint !== undefined) {
        const checked = checkEndpoint(blobEndpoint, blobEndpointRules);
        return "problem" in checked
            ? `has a BlobEndpoint that ${checked.problem.replace(/^the endpoint /, "")}`
            : undefined;
    }
    if (parts.get("defaultendpointsprotocol")?.toLowerCase() === "http") {
        return "has DefaultEndpointsProtocol=http, which would send the credential in clear text; use https (plain http only with a loopback BlobEndpoint, such as Azurite's)";
    }
    return undefined;
}

/** A SAS token, with or without its leading "?": the query of a signed URL. */
const sasTokenSchema = secretSchema("SAS token", `the storage account's "Shared access signature" page`).superRefine(
    (value, ctx) => {
        const query = new URLSearchParams(value.replace(/^\?/, ""));
        if (/^[\x21-\x7e]+$/.test(value) && (!query.has("sig") || !query.has("sv"))) {
            ctx.addIssue({
                code: "custom",
                message: "must be a SAS token, the query of a signed URL with sv= and sig= (without the URL before it)",
            });
        }
    },
);

const blobEndpointSchema = z.string().superRefine((endpoint, ctx) => {
    const checked = checkEndpoint(endpoint, blobEndpointRules);
    if ("problem" in checked) ctx.addIssue({ code: "custom", message: checked.problem });
});

const oneWay = "give connectionString, or blobEndpoint with sasToken or entraId";

/**
 * How the provider reaches a storage account: a connection string (an account key or a SAS), or
 * its blob endpoint with a SAS token or Microsoft Entra ID (a service principal, or
 * DefaultAzureCredential when empty). Exactly one way; the secrets are kept secret.
 */
export const storageAccessSchema = z
    .strictObject({
        connectionString: storageConnectionStringSchema.optional(),
        blobEndpoint: blobEndpointSchema.optional(),
        sasToken: sasTokenSchema.optional(),
        entraId: entraIdSchema.optional(),
    })
    .superRefine((access, ctx) => {
        const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
        if (access.connectionString !== undefined) {
            for (const field of ["blobEndpoint", "sasToken", "entraId"] as const) {
                if (access[field] !== undefined) {
                    issue(
                        field,
                        `is not used with connectionString, which names the account and holds the credential; ${oneWay}`,
                    );
                }
            }
            return;
        }
        if (access.blobEndpoint === undefined) {
            if (access.sasToken === undefined && access.entraId === undefined) issue("connectionString", oneWay);
            else
                issue(
                    "blobEndpoint",
                    `is required with sasToken or entraId: the account's, e.g. ${blobEndpointRules.example}`,
                );
        } else if ((access.sasToken === undefined) === (access.entraId === undefined)) {
            issue("sasToken", 'give exactly one of "sasToken" or "entraId" with blobEndpoint');
        }
    });
export type StorageAccess = z.infer<typeof storageAccessSchema>;
