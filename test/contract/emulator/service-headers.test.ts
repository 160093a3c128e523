import { expect } from "chai";
import * as http from "node:http";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import type { LanguageApi } from "./support/language-api";
import { startTestBed, type TestBed } from "./support/test-bed";

interface RawAnswer {
    readonly status: number;
    /** Name/value pairs exactly as they came over the socket, casing included. */
    readonly rawHeaders: readonly (readonly [string, string])[];
    readonly body: string;
}

/** A request whose answer keeps the header names' wire casing (fetch lower-cases them). */
function rawRequest(
    url: string,
    method: string,
    headers: Readonly<Record<string, string>>,
    body?: unknown,
): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const request = http.request(url, { method, headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
                const pairs: (readonly [string, string])[] = [];
                for (let index = 0; index < response.rawHeaders.length; index += 2) {
                    pairs.push([response.rawHeaders[index]!, response.rawHeaders[index + 1]!]);
                }
                resolve({
                    status: response.statusCode!,
                    rawHeaders: pairs,
                    body: Buffer.concat(chunks).toString("utf8"),
                });
            });
        });
        request.on("error", reject);
        request.end(payload);
    });
}

function names(answer: RawAnswer): string[] {
    return answer.rawHeaders.map(([name]) => name);
}

function header(answer: RawAnswer, name: string): string | undefined {
    return answer.rawHeaders.find(([candidate]) => candidate === name)?.[1];
}

describe("emulator: the service's headers, spelled as on the wire", function () {
    let bed: TestBed;
    let clu: LanguageApi;
    let key: Record<string, string>;

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "afterPolls", polls: 2 } });
        clu = bed.api("primary", "analyze-conversations");
        key = { "Ocp-Apim-Subscription-Key": bed.resource("primary").keys[0] };
        await clu.importProject(travelConversation());
    });

    after(async () => {
        await bed.stop();
    });

    it("writes Content-Type and Content-Length capitalized, the service's own headers in lower case", async () => {
        const answer = await rawRequest(clu.url("/TravelBot"), "GET", key);
        expect(answer.status).to.equal(200);
        expect(names(answer)).to.include.members(["Content-Type", "Content-Length", "apim-request-id", "request-id"]);
        expect(names(answer)).to.not.include.members(["content-type", "content-length"]);
        expect(header(answer, "Content-Type")).to.equal("application/json; charset=utf-8");
        expect(Number(header(answer, "Content-Length"))).to.equal(Buffer.byteLength(answer.body));
    });

    it("stamps every service answer with request-id (= apim-request-id), the readable region and the gateway's headers", async () => {
        for (const answer of [
            await rawRequest(clu.url("/TravelBot"), "GET", key),
            // An error of the service carries the same stamps.
            await rawRequest(clu.url("/Unknown"), "GET", key),
            // So does a 202 without a body.
            await rawRequest(clu.url("/TravelBot/:export", { stringIndexType: "Utf16CodeUnit" }), "POST", key),
        ]) {
            const requestId = header(answer, "apim-request-id");
            expect(requestId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
            expect(header(answer, "request-id")).to.equal(requestId);
            expect(header(answer, "x-ms-region")).to.equal("West Europe");
            expect(header(answer, "Access-Control-Expose-Headers")).to.equal("*");
            expect(header(answer, "Strict-Transport-Security")).to.match(/^max-age=\d+/);
            expect(header(answer, "X-Content-Type-Options")).to.equal("nosniff");
            expect(header(answer, "x-envoy-upstream-service-time")).to.match(/^\d+$/);
        }
    });

    it("names each resource's region as Azure writes it", async () => {
        const answer = await rawRequest(bed.api("secondary", "analyze-conversations").url(""), "GET", {
            "Ocp-Apim-Subscription-Key": bed.resource("secondary").keys[0],
        });
        expect(header(answer, "x-ms-region")).to.equal("North Europe");
    });

    it("answers a 401 with the gateway's apim-request-id and none of the service's headers", async () => {
        const answer = await rawRequest(clu.url("/TravelBot"), "GET", { "Ocp-Apim-Subscription-Key": "wrong" });
        expect(answer.status).to.equal(401);
        expect(header(answer, "apim-request-id")).to.match(/^[0-9a-f-]{36}$/);
        for (const absent of ["request-id", "x-ms-region", "x-envoy-upstream-service-time", "x-ms-error-code"]) {
            expect(header(answer, absent), absent).to.equal(undefined);
        }
    });

    it("answers a PATCH creating a text project 201 with the project's URL in Location", async () => {
        const text = bed.api("primary", "analyze-text");
        const body = {
            projectKind: "CustomSingleLabelClassification",
            projectName: "Located",
            language: "en",
            storageInputContainerName: "docs",
        };
        const answer = await rawRequest(
            text.url("/Located"),
            "PATCH",
            { ...key, "Content-Type": "application/merge-patch+json" },
            body,
        );
        expect(answer.status).to.equal(201);
        expect(header(answer, "Location")).to.equal(text.url("/Located"));
        const update = await rawRequest(
            text.url("/Located"),
            "PATCH",
            { ...key, "Content-Type": "application/merge-patch+json" },
            { description: "now" },
        );
        expect(update.status).to.equal(200);
        expect(header(update, "Location")).to.equal(undefined);
    });

    it("answers the text train 202 with operation-location only, no extra location", async () => {
        const text = bed.api("primary", "analyze-text");
        const answer = await rawRequest(
            text.url("/Located/:train"),
            "POST",
            { ...key, "Content-Type": "application/json" },
            {
                modelLabel: "m",
                trainingConfigVersion: "latest",
            },
        );
        expect(answer.status).to.equal(202);
        expect(header(answer, "operation-location")).to.match(/\/Located\/train\/jobs\//);
        expect(names(answer).filter((name) => name.toLowerCase() === "location")).to.deep.equal([]);
    });
});
