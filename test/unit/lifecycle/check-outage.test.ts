import { expect } from "chai";
import type { HttpSend } from "../../../provider/client/http-send";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { check } from "../../../provider/lifecycle/check";
import { failureOf } from "../../support/failure-of";
import { FakeClock } from "../../support/fake-clock";

const news = (overrides: Record<string, unknown> = {}) => ({
    primary: { endpoint: "https://primary.example", key: "0123456789abcdef0123456789abcdef" },
    secondary: { endpoint: "https://secondary.example", key: "fedcba9876543210fedcba9876543210" },
    projectName: "faq",
    ...overrides,
});

/** What the last check observed of the primary. */
const observed = {
    projectKind: "Conversation",
    secondaryProjectName: "faq",
    deploymentName: "production",
    modelLabel: "production",
    primaryRevision: {
        lastModifiedDateTime: "2026-11-20T10:00:00Z",
        contentHash: "sha256:abc",
        items: {},
        changes: "",
    },
};
const olds = (overrides: Record<string, unknown> = {}) => ({ ...news(), ...observed, ...overrides });

/** Every request answered with the same status. */
function answering(status: number, code: string): HttpSend {
    return async () => ({ status, headers: {}, text: JSON.stringify({ error: { code, message: code } }) });
}

const checkWith = (previous: Record<string, unknown>, inputs: Record<string, unknown>, send: HttpSend) =>
    check(previous, inputs, { send, clock: new FakeClock() });

describe("check: when the primary's region does not answer", () => {
    const down = answering(503, "ServiceUnavailable");

    it("keeps what the last check observed, so the stack stays operable, and says so", async () => {
        const lines: unknown[] = [];
        const write = console.log;
        console.log = (line: unknown) => lines.push(line);
        try {
            const result = await checkWith(olds(), news(), down);
            expect(result.failures).to.equal(undefined);
            expect(result.inputs).to.deep.equal({ ...news(), ...observed });
        } finally {
            console.log = write;
        }
        expect(lines).to.deep.equal([
            '[faq] the primary cannot be read, keeping the replica as last synced: getting project "faq" on primary.example: 503 ServiceUnavailable: ServiceUnavailable',
        ]);
    });

    it("keeps the recorded renewal and the reading of the secondary's expiry too", async () => {
        const renewal = { reason: "expires soon", trainingConfigVersion: "2026-06-01" };
        const __expiryWatch = {
            deploymentName: "production",
            expirationDate: "2027-06-01",
            configExpiry: "2026-12-01",
        };
        // The engine passes the last reading on in the new inputs too (the resource ignores its changes).
        const result = await checkWith(olds({ renewal, __expiryWatch }), news({ __expiryWatch }), down);
        expect(result.inputs).to.deep.equal({ ...news(), ...observed, renewal, __expiryWatch });
    });

    it("keeps the inputs declared now, and the primary revision last seen", async () => {
        const inputs = news({ deploymentName: "serving", modelLabel: "label-2", secondaryProjectName: "copy" });
        expect((await checkWith(olds(), inputs, down)).inputs).to.deep.equal({
            ...inputs,
            projectKind: "Conversation",
            primaryRevision: observed.primaryRevision,
        });
    });

    it("throttling after retries counts as an outage too", async () => {
        expect((await checkWith(olds(), news(), answering(429, "TooManyRequests"))).inputs).to.deep.include(observed);
    });

    it("fails a first create, which has nothing observed to keep", async () => {
        const error = await failureOf(checkWith({}, news(), down));
        expect(error).to.be.instanceOf(LanguageApiError);
        expect((error as LanguageApiError).status).to.equal(503);
    });

    it("fails when the last check was of another project, or observed only part", async () => {
        expect(await failureOf(checkWith(olds({ projectName: "other" }), news(), down))).to.be.instanceOf(
            LanguageApiError,
        );
        for (const field of Object.keys(observed)) {
            const partial = { ...olds(), [field]: undefined };
            expect(await failureOf(checkWith(partial, news(), down)), field).to.be.instanceOf(LanguageApiError);
        }
    });

    it("fails on an answer that is no outage", async () => {
        const error = await failureOf(checkWith(olds(), news(), answering(400, "InvalidArgument")));
        expect((error as LanguageApiError).status).to.equal(400);
    });
});
