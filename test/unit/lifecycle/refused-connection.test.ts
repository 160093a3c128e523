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

    it("leaves outages, missing projects and other errors to the caller", () => {
        expect(
            refusalOf(apiError("primary.example", { status: 503, code: "ServiceUnavailable" }), connections),
        ).to.equal(undefined);
        expect(refusalOf(apiError("elsewhere.example", { status: 401, code: "401" }), connections)).to.equal(undefined);
        expect(refusalOf(new TypeError("x"), connections)).to.equal(undefined);
    });
});
