import { expect } from "chai";
import { NetworkError } from "../../../provider/client/http-send";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { entraTokenFailure, LanguageTransport, type TransportOptions } from "../../../provider/client/transport";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";

const endpoint = "https://contoso.cognitiveservices.azure.com";
const key = "0123456789abcdef0123456789abcdef";
const url = `${endpoint}/language/authoring/analyze-text/projects/faq?api-version=2023-04-01`;

function transport(send: TransportOptions["send"], clock = new FakeClock(), extra: Partial<TransportOptions> = {}) {
    return new LanguageTransport({
        endpoint,
        credentials: { kind: "key", key },
        send,
        clock,
        rateLimits: false,
        retry: { random: () => 0.5 },
        ...extra,
    });
}

async function failureOf(promise: Promise<unknown>): Promise<LanguageApiError> {
    try {
        await promise;
    } catch (error) {
        if (error instanceof LanguageApiError) return error;
        throw error;
    }
    throw new Error("expected a LanguageApiError");
}

describe("language transport", () => {
    it("authenticates with the resource key", async () => {
        const script = scriptedSend({ status: 200, json: {} });
        await transport(script.send).call({ method: "GET", url, operation: "getting project" });
        expect(script.requests[0]!.headers["Ocp-Apim-Subscription-Key"]).to.equal(key);
    });

    it("authenticates with a Microsoft Entra ID token for the Cognitive Services scope", async () => {
        const scopes: string[] = [];
        const credential = {
            getToken: async (scope: string | string[]) => (
                scopes.push(String(scope)),
                { token: "tok-1", expiresOnTimestamp: 0 }
            ),
        };
        const script = scriptedSend({ status: 200, json: {} });
        await transport(script.send, undefined, { credentials: { kind: "entra", credential } }).call({
            method: "GET",
            url,
            operation: "x",
        });
        expect(script.requests[0]!.headers.Authorization).to.equal("Bearer tok-1");
        expect(scopes).to.deep.equal(["https://cognitiveservices.azure.com/.default"]);
    });

    it("says which resource Microsoft Entra ID gave no token for, sending nothing", async () => {
        const credential = {
            getToken: async () => {
                throw Object.assign(new Error("ChainedTokenCredential authentication failed.\nmore detail"), {
                    name: "AggregateAuthenticationError",
                });
            },
        };
        const script = scriptedSend();
        const failure = await failureOf(
            transport(script.send, undefined, { credentials: { kind: "entra", credential } }).call({
                method: "GET",
                url,
                operation: "getting project",
            }),
        );
        expect(failure.code).to.equal(entraTokenFailure);
        expect(failure.resource).to.equal("contoso.cognitiveservices.azure.com");
        expect(failure.serviceMessage).to.equal(
            "AggregateAuthenticationError: ChainedTokenCredential authentication failed.",
        );
        expect(failure.isRetryable).to.equal(false);
        expect(script.requests).to.deep.equal([]);
    });

    it("retries a 503 on GET after the Retry-After the service asked for", async () => {
        const clock = new FakeClock();
        const script = scriptedSend(
            { status: 503, headers: { "retry-after": "4" } },
            { status: 200, json: { ok: true } },
        );
        const response = await transport(script.send, clock).call({ method: "GET", url, operation: "x" });
        expect(response.status).to.equal(200);
        expect(clock.sleeps).to.deep.equal([4000]);
    });

    it("retries a burst of 429s on POST, honouring an HTTP-date Retry-After", async () => {
        const clock = new FakeClock();
        const later = new Date(clock.now() + 9000).toUTCString();
        const script = scriptedSend(
            { status: 429, headers: { "retry-after": later } },
            { status: 429, headers: { "retry-after": "1" } },
            { status: 202 },
        );
        await transport(script.send, clock).call({ method: "POST", url, operation: "x" });
        // Each Retry-After, plus the spread of throttled retries (an eighth with the fixed random of 0.5).
        expect(clock.sleeps).to.deep.equal([10_125, 1_125]);
    });

    it("does not retry a 503 on POST: it may have started a job", async () => {
        const script = scriptedSend({ status: 503, json: { error: { code: "ServiceUnavailable", message: "busy" } } });
        const error = await failureOf(
            transport(script.send).call({ method: "POST", url, operation: 'training project "faq"' }),
        );
        expect(error.status).to.equal(503);
        expect(error.isRetryable).to.equal(false);
        expect(script.remaining()).to.equal(0);
    });

    it("retries network failures on idempotent calls, then reports them", async () => {
        const clock = new FakeClock();
        const drop = () => new NetworkError("ECONNRESET", "socket hang up");
        const script = scriptedSend(drop(), drop(), drop(), drop(), drop());
        const error = await failureOf(
            transport(script.send, clock).call({ method: "GET", url, operation: 'getting project "faq"' }),
        );
        expect(error.code).to.equal("ECONNRESET");
        expect(error.status).to.equal(undefined);
        expect(error.isRetryable).to.equal(true);
        expect(clock.sleeps).to.deep.equal([1000, 2000, 4000, 8000]);
    });

    it('turns the gateway\'s 401 into a LanguageApiError with code "401" and no key anywhere', async () => {
        const body = { error: { code: "401", message: `Access denied due to invalid subscription key ${key}.` } };
        const script = scriptedSend({ status: 401, json: body });
        const error = await failureOf(
            transport(script.send).call({ method: "GET", url, operation: 'getting project "faq"' }),
        );
        expect(error.code).to.equal("401");
        expect(error.message).to.include('getting project "faq" on contoso.cognitiveservices.azure.com: 401 401');
        expect(error.message).not.to.include(key);
        expect(JSON.stringify(error)).not.to.include(key);
        expect(error.stack).not.to.include(key);
    });

    it("flattens the innererror chain and keeps the request id", async () => {
        const body = {
            error: {
                code: "InvalidRequest",
                message: "Invalid input",
                innererror: {
                    code: "InvalidParameterValue",
                    message: "bad",
                    innererror: { code: "InvalidTrainingSplit", message: "sum" },
                },
            },
        };
        const script = scriptedSend({ status: 400, json: body, headers: { "apim-request-id": "req-42" } });
        const error = await failureOf(transport(script.send).call({ method: "POST", url, operation: "x" }));
        expect(error.innerCodes).to.deep.equal(["InvalidParameterValue", "InvalidTrainingSplit"]);
        expect(error.requestId).to.equal("req-42");
        expect(error.message).to.include("(inner: InvalidParameterValue > InvalidTrainingSplit) [request id req-42]");
    });

    it("refuses to send credentials to another host", async () => {
        const script = scriptedSend();
        let failure: unknown;
        await transport(script.send)
            .call({ method: "GET", url: "https://evil.example/language", operation: "polling" })
            .catch((e) => (failure = e));
        expect(String(failure)).to.include("refusing to send credentials to evil.example");
        expect(script.requests).to.have.length(0);
    });

    it("stops retrying when aborted", async () => {
        const controller = new AbortController();
        const script = scriptedSend({ status: 503 }, { status: 200 });
        const clock = new FakeClock();
        clock.sleep = async () => controller.abort(new Error("cancelled by user"));
        let failure: unknown;
        await transport(script.send, clock)
            .call({ method: "GET", url, operation: "x", signal: controller.signal })
            .catch((e) => (failure = e));
        expect(String(failure)).to.include("cancelled by user");
    });
});
