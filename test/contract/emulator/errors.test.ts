import { expect } from "chai";
import { errorResponseSchema, parseContract } from "../../../provider/contract";
import { ManualClock } from "../../../emulator/jobs/clock";
import { startEmulator, type RunningEmulator } from "../../../emulator/start-emulator";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { LanguageApi, expectStatus, type Answer } from "./support/language-api";
import { startTestBed, type TestBed } from "./support/test-bed";

const accessDenied = {
    error: {
        code: "401",
        message:
            "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
    },
};

function errorOf(answer: Answer, status: number) {
    expectStatus(answer, status, "error answer");
    return parseContract(errorResponseSchema, answer.body, "error body").error;
}

describe("emulator: errors as the service spells them", function () {
    let bed: TestBed;
    let clu: LanguageApi;
    let text: LanguageApi;

    before(async () => {
        bed = await startTestBed({
            jobTiming: { mode: "afterPolls", polls: 2 },
            resources: [
                {
                    name: "primary",
                    region: "westeurope",
                    keys: ["primary-key-1", "primary-key-2"],
                    entraTokens: ["entra-token"],
                },
                { name: "secondary", region: "northeurope", keys: ["secondary-key-1", "secondary-key-2"] },
            ],
        });
        clu = bed.api("primary", "analyze-conversations");
        text = bed.api("primary", "analyze-text");
        await clu.importProject(travelConversation());
    });

    after(async () => {
        await bed.stop();
    });

    describe("401", () => {
        for (const [what, auth] of [
            ["no key", {}],
            ["a wrong key", { "Ocp-Apim-Subscription-Key": "wrong" }],
            ["the other resource's key", { "Ocp-Apim-Subscription-Key": "secondary-key-1" }],
            ["an unknown bearer token", { Authorization: "Bearer nope" }],
        ] as const) {
            it(`rejects ${what} with the gateway's body and no header but its apim-request-id`, async () => {
                const answer = await clu.send("GET", "/TravelBot", { auth });
                expect(answer.status).to.equal(401);
                expect(answer.body).to.deep.equal(accessDenied);
                expect(answer.headers.get("apim-request-id")).to.match(/^[0-9a-f-]{36}$/);
                expect(answer.headers.get("request-id")).to.equal(null);
                expect(answer.headers.get("x-ms-region")).to.equal(null);
                expect(answer.headers.get("x-ms-error-code")).to.equal(null);
            });
        }

        it("accepts the second key and a configured Entra token", async () => {
            expectStatus(
                await clu.send("GET", "/TravelBot", { auth: { "Ocp-Apim-Subscription-Key": "primary-key-2" } }),
                200,
                "key 2",
            );
            expectStatus(
                await clu.send("GET", "/TravelBot", { auth: { Authorization: "Bearer entra-token" } }),
                200,
                "Entra",
            );
        });
    });

    describe("404", () => {
        it("answers ProjectNotFound for an unknown project", async () => {
            const error = errorOf(await clu.send("GET", "/Unknown"), 404);
            expect(error.code).to.equal("ProjectNotFound");
        });

        it("answers the gateway's 404 for an unknown or missing api-version and an unknown path", async () => {
            for (const url of [
                clu.url("/TravelBot").replace("api-version=2023-04-01", "api-version=2021-01-01"),
                clu.url("/TravelBot").replace("?api-version=2023-04-01", ""),
                text.url("/x").replace("2023-04-01", "2025-11-01"),
                `${bed.resource("primary").endpoint}/language/authoring/analyze-conversations/nothing?api-version=2023-04-01`,
            ]) {
                const error = errorOf(await clu.sendTo("GET", url), 404);
                expect(error).to.deep.equal({ code: "404", message: "Resource not found" });
            }
        });

        it("does not find a job under another project's path", async () => {
            const statusUrl = await clu.trigger("POST", "/TravelBot/:export", {
                query: { stringIndexType: "Utf16CodeUnit" },
            });
            const error = errorOf(await clu.sendTo("GET", statusUrl.replace("/TravelBot/", "/Other/")), 404);
            expect(error.code).to.equal("OperationNotFound");
        });
    });

    describe("400", () => {
        it("names the missing field in the innererror", async () => {
            const error = errorOf(
                await clu.send("POST", "/TravelBot/:train", { body: { trainingMode: "standard" } }),
                400,
            );
            expect(error).to.deep.include({ code: "InvalidRequest", target: "modelLabel" });
            expect(error.innererror).to.include({ code: "InvalidParameterValue", target: "modelLabel" });
            expect(error.innererror?.message).to.contain('"modelLabel"');
        });

        it("rejects a project name the naming rules forbid", async () => {
            const error = errorOf(
                await clu.send("POST", "/has%20space/:import", { body: travelConversation("has space") }),
                400,
            );
            expect(error.innererror).to.include({ target: "projectName" });
        });

        it("rejects names of dots only with the same rule as the provider's inputs", async () => {
            const project = errorOf(
                await clu.send("PATCH", "/...", {
                    body: { projectKind: "Conversation", projectName: "...", language: "en" },
                    contentType: "application/merge-patch+json",
                }),
                400,
            );
            expect(project).to.deep.include({ code: "InvalidRequest", target: "projectName" });
            expect(project.innererror).to.include({ code: "InvalidParameterValue", target: "projectName" });
            expect(project.message).to.equal('project name "..." must not consist of dots only; add a letter or digit');
            const deployment = errorOf(
                await clu.send("PUT", "/TravelBot/deployments/...", { body: { trainedModelLabel: "v1" } }),
                400,
            );
            expect(deployment.innererror).to.include({ code: "InvalidParameterValue", target: "deploymentName" });
        });

        it("rejects an empty and a malformed body", async () => {
            const empty = await clu.sendTo("POST", clu.url("/TravelBot/:train"), {
                auth: { "Ocp-Apim-Subscription-Key": clu.key },
            });
            expect(errorOf(empty, 400).innererror).to.include({ code: "EmptyRequest" });
            const response = await fetch(clu.url("/TravelBot/:train"), {
                method: "POST",
                headers: { "Ocp-Apim-Subscription-Key": clu.key, "content-type": "application/json" },
                body: "{not json",
            });
            const malformed = parseContract(errorResponseSchema, await response.json(), "malformed").error;
            expect(malformed.innererror).to.include({ code: "InvalidRequestBodyFormat" });
        });
    });

    describe("409", () => {
        it("refuses a second training while one runs", async () => {
            await clu.trigger("POST", "/TravelBot/:train", { body: { modelLabel: "a", trainingMode: "standard" } });
            const error = errorOf(
                await clu.send("POST", "/TravelBot/:train", { body: { modelLabel: "b", trainingMode: "standard" } }),
                409,
            );
            expect(error.code).to.equal("Conflict");
        });
    });

    describe("error headers by api-version", () => {
        it("adds x-ms-error-code where the spec declares it (CLU 2023-04-01) but not for text", async () => {
            const cluAnswer = await clu.send("GET", "/Unknown");
            expect(cluAnswer.headers.get("x-ms-error-code")).to.equal("ProjectNotFound");
            expect(cluAnswer.headers.get("apim-request-id")).to.be.a("string");
            expect((await text.send("GET", "/Unknown")).headers.get("x-ms-error-code")).to.equal(null);
        });
    });
});

describe("emulator: 429 throttling per resource", function () {
    let emulator: RunningEmulator;
    let clock: ManualClock;

    before(async () => {
        clock = new ManualClock(Date.parse("2024-01-01T00:00:00Z"));
        emulator = await startEmulator({ port: 0, clock, rateLimits: { writesPerMinute: 2, readsPerMinute: 3 } });
    });

    after(async () => {
        await emulator.stop();
    });

    const api = (index: number) => {
        const resource = emulator.resources[index]!;
        return new LanguageApi(resource.endpoint, resource.keys[0], "analyze-conversations");
    };

    it("answers TooManyRequests with Retry-After once a sliding minute is full, for that resource only", async () => {
        const primary = api(0);
        for (let request = 0; request < 3; request++) {
            expectStatus(await primary.send("GET", ""), 200, `read ${request}`);
            clock.advance(10_000);
        }
        const throttled = await primary.send("GET", "");
        expect(errorOf(throttled, 429).code).to.equal("TooManyRequests");
        // The oldest read (30 s ago) leaves the window in 30 s.
        expect(throttled.headers.get("retry-after")).to.equal("30");
        expectStatus(await api(1).send("GET", ""), 200, "the other resource is not throttled");

        clock.advance(30_000);
        expectStatus(await primary.send("GET", ""), 200, "after Retry-After");
    });

    it("counts writes separately from reads", async () => {
        const primary = api(0);
        const body = { projectKind: "Conversation", projectName: "W", language: "en" };
        const patch = () => primary.send("PATCH", "/W", { body, contentType: "application/merge-patch+json" });
        expectStatus(await patch(), 200, "write 1");
        expectStatus(await patch(), 200, "write 2");
        const throttled = await patch();
        expectStatus(throttled, 429, "write 3");
        expect(Number(throttled.headers.get("retry-after"))).to.be.within(1, 60);
    });
});
