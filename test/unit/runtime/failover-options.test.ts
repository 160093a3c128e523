import { expect } from "chai";
import { parseFailoverOptions } from "../../../runtime/failover-options";

const key = "0123456789abcdef0123456789abcdef";
const base = {
    primary: { endpoint: "https://contoso-westeurope.cognitiveservices.azure.com", key },
    secondary: { endpoint: "https://contoso-northeurope.cognitiveservices.azure.com", entraId: {} },
    projectName: "travel-clu",
    deploymentName: "production",
};

function problem(options: unknown): string {
    try {
        parseFailoverOptions(options);
    } catch (error) {
        return (error as Error).message;
    }
    throw new Error("the options were accepted");
}

describe("failover client options", () => {
    it("takes the resource's connection shapes and fills in the defaults", () => {
        expect(parseFailoverOptions(base)).to.deep.include({
            breaker: { failureThreshold: 3, halfOpenAfterMs: 30_000 },
            requestTimeoutMs: 10_000,
            textJobTimeoutMs: 60_000,
            textPollIntervalMs: 1_000,
            conversationsApiVersion: "2023-04-01",
            textApiVersion: "2023-04-01",
        });
    });

    it("never opens the breaker on a single failure", () => {
        expect(problem({ ...base, breaker: { failureThreshold: 1 } })).to.include('field "breaker.failureThreshold"');
        expect(parseFailoverOptions({ ...base, breaker: { failureThreshold: 2 } }).breaker).to.deep.equal({
            failureThreshold: 2,
            halfOpenAfterMs: 30_000,
        });
    });

    it("names a bad field without repeating a key", () => {
        const message = problem({ ...base, primary: { endpoint: base.primary.endpoint, apiKey: key } });
        expect(message).to.include("primary.apiKey").and.not.include(key);
        expect(problem({ ...base, primary: { endpoint: base.primary.endpoint, key: ` ${key}` } })).to.not.include(key);
        expect(problem({ ...base, secondary: { endpoint: "http://contoso.example", key } })).to.include(
            "plain http is accepted only for loopback",
        );
    });

    it("refuses api-versions the runtime does not serve", () => {
        expect(problem({ ...base, conversationsApiVersion: "2022-05-15-preview" })).to.include(
            'field "conversationsApiVersion"',
        );
    });
});
