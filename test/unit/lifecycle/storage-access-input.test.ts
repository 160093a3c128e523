import { expect } from "chai";
import { storageAccessSchema, storageConnectionStringSchema } from "../../../provider/lifecycle/storage-access-input";
import { failuresFor } from "../../support/schema-failures";

const accountKey = "DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=c2VjcmV0a2V5PT0=";
const sas = "sv=2024-11-04&ss=b&sig=abc%2Fdef";
const blobEndpoint = "https://docs.blob.core.windows.net";

describe("storage access inputs: a connection string", () => {
    it("takes an account name or blob endpoint with an account key or a SAS", () => {
        for (const value of [
            accountKey,
            `AccountName=docs;SharedAccessSignature=${sas}`,
            `BlobEndpoint=${blobEndpoint};SharedAccessSignature=${sas}`,
            "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;AccountName=devstoreaccount1;AccountKey=a2V5",
            "DefaultEndpointsProtocol=HTTPS;AccountName=docs;AccountKey=a2V5",
        ]) {
            expect(failuresFor(storageConnectionStringSchema, value), value).to.deep.equal([]);
        }
    });

    it("says where a connection string comes from when it names no account", () => {
        expect(failuresFor(storageConnectionStringSchema, "AccountKey=a2V5")).to.deep.equal([
            {
                property: "",
                reason: 'must be a storage connection string, with AccountName= or BlobEndpoint= (the storage account\'s "Access keys" page)',
            },
        ]);
    });

    it("asks for a credential when it holds none", () => {
        expect(failuresFor(storageConnectionStringSchema, "AccountName=docs")).to.deep.equal([
            {
                property: "",
                reason: "holds no credential: give one with AccountKey= or SharedAccessSignature= (for Microsoft Entra ID, give blobEndpoint and entraId instead)",
            },
        ]);
    });

    it("refuses to send the credential in clear text", () => {
        expect(
            failuresFor(
                storageConnectionStringSchema,
                "DefaultEndpointsProtocol=http;AccountName=docs;AccountKey=a2V5",
            ),
        ).to.deep.equal([
            {
                property: "",
                reason: "has DefaultEndpointsProtocol=http, which would send the credential in clear text; use https (plain http only with a loopback BlobEndpoint, such as Azurite's)",
            },
        ]);
        const [failure] = failuresFor(
            storageConnectionStringSchema,
            "BlobEndpoint=http://docs.example;AccountKey=a2V5",
        );
        expect(failure!.reason)
            .to.match(/^has a BlobEndpoint that /)
            .and.to.include("https");
    });

    it("reports only the secret's own problem for blanks or odd characters, without parsing it", () => {
        expect(failuresFor(storageConnectionStringSchema, " AccountKey=a2V5")).to.have.length(1);
        expect(failuresFor(storageConnectionStringSchema, "AccountKey=a2V5 x")).to.have.length(1);
        expect(failuresFor(storageConnectionStringSchema, "")).to.have.length(1);
        expect(failuresFor(storageConnectionStringSchema, "AccountKey=a2V5é")[0]!.reason).to.include(
            'copy it again from the storage account\'s "Access keys" page',
        );
    });
});

describe("storage access inputs: one way to reach the account", () => {
    it("takes a connection string, or a blob endpoint with a SAS token or Entra ID", () => {
        for (const access of [
            { connectionString: accountKey },
            { blobEndpoint, sasToken: sas },
            { blobEndpoint, sasToken: `?${sas}` },
            { blobEndpoint, entraId: {} },
        ]) {
            expect(failuresFor(storageAccessSchema, access), JSON.stringify(access)).to.deep.equal([]);
        }
    });

    it("refuses a SAS token that is no signed query", () => {
        for (const sasToken of ["sv=2024-11-04", "sig=abc", "https://docs.blob.core.windows.net/?sv=1&sig=2x"]) {
            expect(failuresFor(storageAccessSchema, { blobEndpoint, sasToken }), sasToken).to.deep.equal([
                {
                    property: "sasToken",
                    reason: "must be a SAS token, the query of a signed URL with sv= and sig= (without the URL before it)",
                },
            ]);
        }
        expect(failuresFor(storageAccessSchema, { blobEndpoint, sasToken: "sv=1 sig=2" })).to.have.length(1);
    });

    it("says where a storage credential goes when the blob endpoint carries one", () => {
        const [withUser] = failuresFor(storageAccessSchema, {
            blobEndpoint: "https://user:pass@docs.example",
            sasToken: sas,
        });
        expect(withUser!.reason).to.include('give a SAS in "sasToken"');
        const [withQuery] = failuresFor(storageAccessSchema, {
            blobEndpoint: `${blobEndpoint}/?${sas}`,
            sasToken: sas,
        });
        expect(withQuery!.reason).to.include('a SAS token goes in "sasToken", which is kept secret');
    });

    it("refuses a blob endpoint that is no endpoint, with the storage example", () => {
        const [failure] = failuresFor(storageAccessSchema, { blobEndpoint: "docs", sasToken: sas });
        expect(failure!.property).to.equal("blobEndpoint");
        expect(failure!.reason).to.include("https://<account>.blob.core.windows.net");
    });

    it("names each field a connection string makes unnecessary", () => {
        const reason =
            "is not used with connectionString, which names the account and holds the credential; give connectionString, or blobEndpoint with sasToken or entraId";
        expect(
            failuresFor(storageAccessSchema, {
                connectionString: accountKey,
                blobEndpoint,
                sasToken: sas,
                entraId: {},
            }),
        ).to.deep.equal([
            { property: "blobEndpoint", reason },
            { property: "sasToken", reason },
            { property: "entraId", reason },
        ]);
    });

    it("says what to give when nothing is given", () => {
        expect(failuresFor(storageAccessSchema, {})).to.deep.equal([
            { property: "connectionString", reason: "give connectionString, or blobEndpoint with sasToken or entraId" },
        ]);
    });

    it("asks for the blob endpoint with a SAS token or Entra ID", () => {
        const reason =
            "is required with sasToken or entraId: the account's, e.g. https://<account>.blob.core.windows.net";
        expect(failuresFor(storageAccessSchema, { sasToken: sas })).to.deep.equal([
            { property: "blobEndpoint", reason },
        ]);
        expect(failuresFor(storageAccessSchema, { entraId: {} })).to.deep.equal([{ property: "blobEndpoint", reason }]);
    });

    it("wants exactly one credential with a blob endpoint", () => {
        const reason = 'give exactly one of "sasToken" or "entraId" with blobEndpoint';
        expect(failuresFor(storageAccessSchema, { blobEndpoint })).to.deep.equal([{ property: "sasToken", reason }]);
        expect(failuresFor(storageAccessSchema, { blobEndpoint, sasToken: sas, entraId: {} })).to.deep.equal([
            { property: "sasToken", reason },
        ]);
    });
});
