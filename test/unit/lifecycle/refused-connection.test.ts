import { expect } from "chai";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { entraTokenFailure } from "../../../provider/client/transport";
import { refusalOf } from "../../../provider/lifecycle/refused-connection";

const connections = {
    primary: { endpoint: "https://primary.example", key: "0123456789abcdef0123456789abcdef" },
    secondary: { endpoint: "http://127.0.0.1:9/secondary", entraId: {} },
};

function apiError(resource: string, details: { status?: number; code: string; isRetryable?: boolean }) {
    return new LanguageApiError({
        operation: "getting project",
        resource,
        serviceMessage: "AggregateAuthenticationError: no credential found",
        innerCodes: [],
        isRetryable: false,
        ...details,
    });
}

describe("refusalOf: answers only the inputs can fix, against the field to fix", () => {
    it("names the credential of the side that was refused", () => {
        expect(refusalOf(apiError("primary.example", { status: 401, code: "401" }), connections)?.property).to.equal(
            "primary.key",
        );
        expect(
            refusalOf(apiError("127.0.0.1:9/secondary", { status: 403, code: "403" }), connections)?.property,
        ).to.equal("secondary.entraId");
    });

    it("names entraId when Microsoft Entra ID gave no token", () => {
        expect(refusalOf(apiError("127.0.0.1:9/secondary", { code: entraTokenFailure }), connections)).to.deep.equal({
            property: "secondary.entraId",
            reason: "Microsoft Entra ID gave no token: AggregateAuthenticationError: no credential found",
        });
    });

    it("names the endpoint when https meets a server that speaks plain http", () => {
        const tls = apiError("primary.example", { code: "EPROTO", isRetryable: true });
        expect(refusalOf(tls, connections)?.property).to.equal("primary.endpoint");
    });

    it("tells how to fix a refused key or token", () => {
        expect(refusalOf(apiError("primary.example", { status: 401, code: "401" }), connections)).to.deep.equal({
            property: "primary.key",
            reason: 'primary.example refused the key (401): it is wrong, regenerated or of another resource; copy Key 1 or Key 2 from the resource\'s "Keys and Endpoint" page',
        });
        expect(refusalOf(apiError("127.0.0.1:9/secondary", { status: 401, code: "401" }), connections)).to.deep.equal({
            property: "secondary.entraId",
            reason: "127.0.0.1:9/secondary refused the Microsoft Entra ID token (401): use the resource's custom-subdomain endpoint and the tenant the resource belongs to",
        });
    });

    it("tells why access may be denied, by key or by identity", () => {
        expect(refusalOf(apiError("primary.example", { status: 403, code: "403" }), connections)).to.deep.equal({
            property: "primary.key",
            reason: "primary.example denied access (403): key authentication may be disabled on the resource, or a network rule blocks this machine",
        });
        expect(refusalOf(apiError("127.0.0.1:9/secondary", { status: 403, code: "403" }), connections)).to.deep.equal({
            property: "secondary.entraId",
            reason: "127.0.0.1:9/secondary denied access (403): the identity needs a Cognitive Services Language role on the resource, or a network rule blocks this machine",
        });
    });

    it("says how an emulator is reached when TLS fails, for any SSL error of the handshake", () => {
        expect(
            refusalOf(apiError("primary.example", { code: "ERR_SSL_WRONG_VERSION_NUMBER" }), connections),
        ).to.deep.equal({
            property: "primary.endpoint",
            reason: "primary.example does not answer TLS (ERR_SSL_WRONG_VERSION_NUMBER); a local emulator is reached with http:// on loopback",
        });
        expect(refusalOf(apiError("primary.example", { code: "ECONNRESET" }), connections)).to.equal(undefined);
        expect(refusalOf(apiError("primary.example", { status: 400, code: "EPROTO" }), connections)).to.equal(
            undefined,
        );
        expect(refusalOf(apiError("primary.example", { status: 400, code: "ERR_SSL_X" }), connections)).to.equal(
            undefined,
        );
    });

    it("leaves outages, missing projects and other errors to the caller", () => {
        expect(
            refusalOf(apiError("primary.example", { status: 503, code: "ServiceUnavailable" }), connections),
        ).to.equal(undefined);
        expect(refusalOf(apiError("elsewhere.example", { status: 401, code: "401" }), connections)).to.equal(undefined);
        expect(refusalOf(new TypeError("x"), connections)).to.equal(undefined);
    });
});
