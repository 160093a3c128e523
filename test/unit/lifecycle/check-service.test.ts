import { expect } from "chai";
import { check } from "../../../provider/lifecycle/check";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";
import {
    deployment,
    lastModifiedDateTime,
    notFound,
    project,
    projectsPage,
    refused,
    versions,
} from "../../support/service-answers";

const primaryKey = "0123456789abcdef0123456789abcdef";
const secondaryKey = "fedcba9876543210fedcba9876543210";

const news = (overrides: Record<string, unknown> = {}) => ({
    primary: { endpoint: "https://primary.example", key: primaryKey },
    secondary: { endpoint: "https://secondary.example", key: secondaryKey },
    projectName: "faq",
    deploymentName: "production",
    ...overrides,
});

/** What the last check recorded: the same replica, and the revision is unchanged, so a passing check exports nothing. */
const olds = (projectKind: string, overrides: Record<string, unknown> = {}) => ({
    ...news(),
    secondaryProjectName: "faq",
    projectKind,
    modelLabel: "production",
    primaryRevision: { lastModifiedDateTime, contentHash: "sha256:abc", items: {}, changes: "first copy" },
    ...overrides,
});

async function run(
    inputs: Record<string, unknown>,
    previous: Record<string, unknown>,
    ...script: Parameters<typeof scriptedSend>
) {
    const http = scriptedSend(...script);
    const result = await check(previous, inputs, { send: http.send, clock: new FakeClock() });
    return { result, requests: http.requests.map((request) => `${request.method} ${request.url.split("?")[0]}`) };
}

describe("check: what only the service can say, asked with GETs before anything is written", () => {
    it("reports a key the primary refuses against primary.key, in one request", async () => {
        const { result, requests } = await run(news({ projectKind: "Conversation" }), {}, refused);
        expect(result.failures).to.have.length(1);
        expect(result.failures![0]!.property).to.equal("primary.key");
        expect(result.failures![0]!.reason).to.include("refused the key (401)").and.not.include(primaryKey);
        expect(requests).to.deep.equal([
            "GET https://primary.example/language/authoring/analyze-conversations/projects/faq",
        ]);
    });

    it("refuses a training configuration version the secondary lacks, without exporting the primary", async () => {
        const inputs = news({ training: { trainingConfigVersion: "2099-01-01" } });
        const { result, requests } = await run(inputs, {}, project("Conversation"), versions("2022-09-01"));
        expect(result.failures).to.deep.equal([
            {
                property: "training.trainingConfigVersion",
                reason: '"2099-01-01" is not offered by the secondary (secondary.example) for Conversation projects; use one of "2022-09-01", "latest"',
            },
        ]);
        expect(requests).to.deep.equal([
            "GET https://primary.example/language/authoring/analyze-conversations/projects/faq",
            "GET https://secondary.example/language/authoring/analyze-conversations/projects/global/training-config-versions",
        ]);
    });

    it("reports a key the secondary refuses against secondary.key, before any export", async () => {
        const { result, requests } = await run(news(), {}, project("Conversation"), refused);
        expect(result.failures!.map((f) => f.property)).to.deep.equal(["secondary.key"]);
        expect(requests.every((request) => request.startsWith("GET "))).to.equal(true);
    });

    it("reports an endpoint the secondary answers 404 on against secondary.endpoint", async () => {
        const gateway404 = { status: 404, json: { error: { code: "404", message: "Resource not found" } } };
        const { result } = await run(news(), {}, project("Conversation"), gateway404);
        expect(result.failures!.map((f) => f.property)).to.deep.equal(["secondary.endpoint"]);
    });

    it("costs one GET of the primary and two of the secondary on an unchanged preview", async () => {
        const kind = "CustomEntityRecognition";
        const serving = deployment("2028-10-22", "2022-05-01");
        const { result, requests } = await run(news(), olds(kind), project(kind), versions("2022-05-01"), serving);
        expect(result.failures).to.equal(undefined);
        expect(result.inputs).to.include({ projectKind: kind, deploymentName: "production" });
        expect(result.inputs).not.to.have.property("renewal");
        expect(requests).to.deep.equal([
            "GET https://primary.example/language/authoring/analyze-text/projects/faq",
            "GET https://secondary.example/language/authoring/analyze-text/projects/global/training-config-versions",
            "GET https://secondary.example/language/authoring/analyze-text/projects/faq/deployments/production",
        ]);
    });

    it("records what it read of the serving deployment; the next check in sync costs the primary's GET alone", async () => {
        const kind = "CustomEntityRecognition";
        const serving = deployment("2028-10-22", "2022-05-01");
        const first = await run(news(), olds(kind), project(kind), versions("2022-05-01"), serving);
        const reading = { deploymentName: "production", expirationDate: "2028-10-22", configExpiry: "2027-08-26" };
        expect(first.result.inputs).to.have.deep.property("__expiryWatch", reading);
        // As the engine passes it back: the old inputs, and the new ones with the reading (ignoreChanges).
        const again = await run(news({ __expiryWatch: reading }), first.result.inputs!, project(kind));
        expect(again.result.inputs).to.deep.equal(first.result.inputs);
        expect(again.requests).to.deep.equal([
            "GET https://primary.example/language/authoring/analyze-text/projects/faq",
        ]);
    });

    it("reads the deployment again once its recorded expiry enters the warning window, and warns", async () => {
        const kind = "CustomEntityRecognition";
        const recorded = { deploymentName: "production", expirationDate: "2026-12-20", configExpiry: "2026-12-01" };
        const earlier = olds(kind, { __expiryWatch: recorded });
        const serving = deployment("2026-12-20", "2022-05-01");
        const { result, requests } = await run(news(), earlier, project(kind), versions("2022-05-01"), serving);
        expect(requests).to.have.length(3);
        expect(result.inputs!.renewal).to.have.property("reason").that.includes("expires on 2026-12-20, in 28 days");
        // The renewal is a new input: the `up` that follows may redeploy, so the reading is not kept.
        expect(result.inputs).not.to.have.property("__expiryWatch");
    });

    it("keeps no reading taken before an `up` that changes the replica; the check after it reads again", async () => {
        const kind = "CustomEntityRecognition";
        const before = { deploymentName: "production", expirationDate: "2028-10-22", configExpiry: "2027-08-26" };
        const retrain = news({ retrainToken: "2027-01" });
        const changing = await run(
            retrain,
            olds(kind, { __expiryWatch: before }),
            project(kind),
            versions("2022-05-01"),
            deployment("2028-10-22", "2022-05-01"),
        );
        expect(changing.requests, "the record answers while the up is still to come").to.have.length(1);
        expect(changing.result.inputs).not.to.have.property("__expiryWatch");
        // That `up` retrained with an older configuration: its deployment expires sooner.
        const after = await run(
            retrain,
            changing.result.inputs!,
            project(kind),
            versions("2021-11-01", "2022-05-01"),
            deployment("2026-12-20", "2021-11-01"),
        );
        expect(after.requests).to.have.length(3);
        expect(after.result.inputs!.renewal).to.have.property("reason").that.includes("expires on 2026-12-20");
    });

    it("keeps no reading when the replica has no serving deployment, not even one the engine passed on", async () => {
        const passedOn = { deploymentName: "production", expirationDate: "2028-10-22", configExpiry: "2027-08-26" };
        const { result } = await run(
            news({ __expiryWatch: passedOn }),
            {},
            project("Conversation"),
            versions(),
            notFound,
        );
        expect(result.inputs).not.to.have.property("__expiryWatch");
    });

    it("exports nothing for a replica that does not exist yet: its create exports, once", async () => {
        const { result, requests } = await run(news(), {}, project("Conversation"), versions(), notFound);
        expect(requests.every((request) => request.startsWith("GET "))).to.equal(true);
        expect(result.inputs!.primaryRevision).to.deep.equal({
            lastModifiedDateTime,
            changes: "first copy: exported, imported, trained and deployed by the create",
        });
    });

    it("treats a replica moved to another project, resource or name as one that does not exist yet", async () => {
        for (const moved of [{ projectName: "other" }, { secondaryProjectName: "other" }]) {
            const earlier = {
                ...olds("Conversation"),
                ...moved,
                primaryRevision: { lastModifiedDateTime: "2026-01-01T00:00:00Z", changes: "" },
            };
            const { result, requests } = await run(news(), earlier, project("Conversation"), versions(), notFound);
            expect(
                requests.some((request) => request.includes(":export")),
                JSON.stringify(moved),
            ).to.equal(false);
            expect(result.inputs!.primaryRevision).not.to.have.property("contentHash");
        }
    });

    it("asks the secondary once, and the primary's listing after one GET, for the checks of one process", async () => {
        const http = scriptedSend(
            project("Conversation"),
            versions(),
            notFound,
            projectsPage("Conversation", ["faq", "travel", "tickets"]),
            notFound,
            notFound,
        );
        const io = { send: http.send, clock: new FakeClock() };
        for (const name of ["faq", "travel", "tickets"]) {
            const result = await check({}, news({ projectName: name }), io);
            expect(result.failures, name).to.equal(undefined);
            expect(result.inputs, name).to.include({ projectKind: "Conversation" });
        }
        expect(http.requests.filter((request) => request.url.includes("training-config-versions"))).to.have.length(1);
        const primary = http.requests.filter((request) => request.url.startsWith("https://primary.example"));
        expect(primary.map((request) => request.url.split("?")[0])).to.deep.equal([
            "https://primary.example/language/authoring/analyze-conversations/projects/faq",
            "https://primary.example/language/authoring/analyze-conversations/projects",
        ]);
    });

    it("asks again for another key of the same secondary", async () => {
        const http = scriptedSend(
            project("Conversation"),
            versions(),
            notFound,
            projectsPage("Conversation", ["faq"]),
            versions(),
            notFound,
        );
        const io = { send: http.send, clock: new FakeClock() };
        const otherKey = { endpoint: "https://secondary.example", key: "00112233445566778899aabbccddeeff" };
        for (const inputs of [news(), news({ secondary: otherKey })]) {
            expect((await check({}, inputs, io)).failures).to.equal(undefined);
        }
        expect(http.requests.filter((request) => request.url.includes("training-config-versions"))).to.have.length(2);
    });

    it("records a renewal, with the newest configuration, when the deployment expires within the window", async () => {
        // The fake clock says 2026-11-22: the deployment expires in 10 days.
        const offered = {
            status: 200,
            json: {
                value: [
                    { trainingConfigVersion: "2022-09-01", modelExpirationDate: "2025-12-02" },
                    { trainingConfigVersion: "2026-06-01", modelExpirationDate: "2028-06-01" },
                ],
            },
        };
        const serving = deployment("2026-12-02", "2022-09-01");
        const { result } = await run(news(), olds("Conversation"), project("Conversation"), offered, serving);
        expect(result.inputs!.renewal).to.deep.equal({
            trainingConfigVersion: "2026-06-01",
            reason: 'deployment "production" expires on 2026-12-02, in 10 days (warning window 30 days); its training configuration 2022-09-01 expired on 2025-12-02: retrained with training configuration 2026-06-01 (expires 2028-06-01)',
        });
    });

    it("does not fail a preview because the secondary does not answer: up will find out", async () => {
        const down = { status: 503, json: { error: { code: "ServiceUnavailable", message: "busy" } } };
        const script = [project("Conversation"), ...Array.from({ length: 10 }, () => down)];
        const { result, requests } = await run(news(), olds("Conversation"), ...script);
        expect(result.failures).to.equal(undefined);
        expect(result.inputs).to.include({ projectKind: "Conversation" });
        expect(requests.filter((request) => request.includes("training-config-versions"))).to.have.length(5);
    });
});
