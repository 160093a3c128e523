import type { SchemaField } from "./schema-fields";

/** Secrets as real ones look: a 32-hex resource key, an Entra ID client secret with its `~`. */
export const secrets = {
    primaryKey: "5f0c1e2d3a4b5c6d7e8f90a1b2c3d4e5",
    secondaryKey: "a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4",
    clientSecret: "Qx8~fuzz.Client_Secret-Value-0123456789ab",
    connectionString:
        "DefaultEndpointsProtocol=https;AccountName=fuzzdocs;AccountKey=RnV6ekFjY291bnRLZXkwMTIzNDU2Nzg5==;EndpointSuffix=core.windows.net",
    targetConnectionString:
        "DefaultEndpointsProtocol=https;AccountName=fuzzreplica;AccountKey=VGFyZ2V0QWNjb3VudEtleTAxMjM0NTY3==;EndpointSuffix=core.windows.net",
    sasToken: "sv=2024-11-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=FuzzSignature0123456789abcdefABCD%3D",
} as const;

/** Values of the wrong JSON type for each kind of field. */
export const wrongTypes: Record<SchemaField["type"], unknown[]> = {
    object: [null, [], "text", 42, true],
    string: [42, true, null, [], {}],
    boolean: ["true", 1, 0, null, [], {}],
    number: ["10", true, null, [], {}, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    enum: [1, null, [], {}],
};

/** Numbers out of range: those of them outside the field's range (or not whole where it must be) are used. */
export function outOfRange(field: Extract<SchemaField, { type: "number" }>): number[] {
    const candidates = [1e-9, 1e12, 1e15, -1, 0, field.min - 1, field.max + 1, field.min + 0.5, -1e-9];
    const bad = candidates.filter(
        (value) => value < field.min || value > field.max || (field.integer && !Number.isInteger(value)),
    );
    return [...new Set(bad)];
}

/** Enum values that are none of the options: unknown, empty, and an option in the wrong case. */
export function badOptions(field: Extract<SchemaField, { type: "enum" }>): string[] {
    const first = field.values[0]!;
    const recased = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
    return ["bogus", "", recased, ` ${first}`].filter((value) => !field.values.includes(value));
}

const names = [
    ".",
    "..",
    "...",
    "",
    " ",
    "my project",
    "café",
    "项目",
    "a/b",
    "a?b",
    "a#b",
    "%2e%2e",
    "x".repeat(51),
    "tab\tname",
    "name\n",
    "emoji😀",
];

/** A real secret with the blanks a copy brings along, and nothing at all. */
const copiedBadly = (real: string) => ["", " ", `${real}\n`, ` ${real}`];

/**
 * Bad strings by the field's name: the schema says only "string", the name says what kind of
 * string (a name, an endpoint, a secret, a version, an id).
 */
export function badStrings(field: SchemaField): string[] {
    const key = field.path.at(-1)!;
    if (["projectName", "secondaryProjectName", "deploymentName", "modelLabel", "servingModel"].includes(key)) {
        return names;
    }
    if (key === "retrainToken") {
        return ["", " ", " leading", "trailing ", "tab\there", "line\nbreak", "ключ", "x".repeat(101)];
    }
    if (key === "connectionString") {
        return [
            ...copiedBadly(secrets.connectionString),
            "not a connection string",
            "AccountKey=only-a-key-0123",
            "ключ=1;AccountName=x",
            "AccountName=nocredential;EndpointSuffix=core.windows.net",
            "DefaultEndpointsProtocol=http;AccountName=plain;AccountKey=UGxhaW5IdHRwS2V5MDEy",
            "AccountName=far;AccountKey=RmFyQXdheUtleTAxMjM0;BlobEndpoint=http://10.0.0.4/far",
            "AccountName=odd;AccountKey=T2RkUGF0aEtleTAxMjM0;BlobEndpoint=https://odd.example/a/../b",
        ];
    }
    if (key === "sasToken") {
        return [
            ...copiedBadly(secrets.sasToken),
            "not a sas token",
            "sv=2024-11-04&sp=r",
            `https://fuzzdocs.blob.core.windows.net/documents?${secrets.sasToken}`,
            "sv=1&sig=ключ",
        ];
    }
    if (key === "blobEndpoint") {
        return [
            "",
            "not a url",
            "ftp://fuzzdocs.example",
            "http://fuzzdocs.blob.core.windows.net",
            "https://user:pw@fuzzdocs.blob.core.windows.net",
            `https://fuzzdocs.blob.core.windows.net/?${secrets.sasToken}`,
            "https://fuzzdocs.blob.core.windows.net/#x",
            "https://fuzzdocs.blob.core.windows.net/a/../b",
            " https://fuzzdocs.blob.core.windows.net",
            "https://fuzzdocs.blob.core.windows.net\n",
            "http://10.0.0.4/fuzzdocs",
        ];
    }
    if (key === "container") {
        return [
            "",
            "ab",
            "Documents",
            "my documents",
            "double--hyphen",
            "-leading",
            "trailing-",
            "under_score",
            "x".repeat(64),
        ];
    }
    if (key === "endpoint") {
        return [
            "",
            "not a url",
            "ftp://contoso.example",
            "http://contoso.cognitiveservices.azure.com",
            "https://user:pw@contoso.example",
            `https://contoso.example/?subscription-key=${secrets.primaryKey}`,
            "https://contoso.example/#x",
            "https://contoso.example/a/../b",
            "https://contoso.example/%2e%2e/b",
            "https://contoso.example//x",
            "https://contoso.example\\x",
            " https://contoso.example",
            "https://contoso.example\n",
            "https://contoso.example/language/authoring",
            "javascript:alert(1)",
            "//contoso.example",
            "http://10.0.0.4",
        ];
    }
    if (key === "key" || key === "clientSecret") {
        const real = key === "key" ? secrets.primaryKey : secrets.clientSecret;
        return [...copiedBadly(real), "has space inside-0123", "ключ-0123456789", "nul\u0000-0123456789"];
    }
    if (key === "trainingConfigVersion") {
        return ["not-a-version", "", "2022-13-01", "2022-9-1", "v2022-09-01", " latest", "2022/09/01", "LATEST"];
    }
    if (key === "tenantId") return ["", "not a tenant", "tenant_underscore", "00000000-0000-0000-0000-00000000000"];
    if (key === "clientId") return ["", "not-a-guid", "contoso.onmicrosoft.com", "1234"];
    throw new Error(`no bad strings for ${field.path.join(".")}`);
}
