import { expect } from "chai";
import { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageTransport } from "../../../provider/client/transport";
import { ContractError, exportedProjectSchema } from "../../../provider/contract";
import { conversationExport } from "../../fixtures/contract/exported-projects";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";

const endpoint = "http://127.0.0.1:7070/primary";
const projectsUrl = `${endpoint}/language/authoring/analyze-conversations/projects`;

function client(...script: Parameters<typeof scriptedSend>) {
    const scripted = scriptedSend(...script);
    const transport = new LanguageTransport({
        endpoint,
        credentials: { kind: "key", key: "k" },
        send: scripted.send,
        clock: new FakeClock(),
        rateLimits: false,
    });
    return { api: new AuthoringClient(transport, "analyze-conversations", "2023-04-01"), requests: scripted.requests };
}

const project = {
    projectName: "faq",
    projectKind: "Conversation",
    language: "en-us",
    createdDateTime: "2026-11-01T10:00:00Z",
    lastModifiedDateTime: "2026-11-20T10:00:00.1234567Z",
};

describe("authoring client", () => {
    it("puts the api-version on every call and encodes names", async () => {
        const { api, requests } = client({ status: 200, json: project });
        await api.getProject("faq v2");
        expect(requests[0]!.url).to.equal(`${projectsUrl}/faq%20v2?api-version=2023-04-01`);
    });

    it("starts an export with stringIndexType and returns the lowercase operation-location", async () => {
        const statusUrl = `${projectsUrl}/faq/export/jobs/j1?api-version=2023-04-01`;
        const { api, requests } = client({ status: 202, headers: { "operation-location": statusUrl } });
        expect(await api.startExport("faq")).to.deep.equal({ statusUrl });
        expect(requests[0]!.method).to.equal("POST");
        expect(requests[0]!.url).to.equal(
            `${projectsUrl}/faq/:export?stringIndexType=Utf16CodeUnit&api-version=2023-04-01`,
        );
    });

    it("accepts a status URL in `location`, as text training is documented", async () => {
        const statusUrl = `${projectsUrl}/faq/train/jobs/j2?api-version=2023-04-01`;
        const { api } = client({ status: 202, headers: { location: statusUrl } });
        const options = { modelLabel: "m1", trainingMode: "standard" as const };
        expect(await api.startTraining("faq", options)).to.deep.equal({ statusUrl });
    });

    it("rejects a strict request body before sending anything", async () => {
        const { api, requests } = client();
        let failure: unknown;
        const options = { modelLabel: "m1", trainingMode: "standard", epochs: 3 } as never;
        await api.startTraining("faq", options).catch((error) => (failure = error));
        expect(failure).to.be.instanceOf(ContractError);
        expect(String(failure)).to.include('field "epochs"');
        expect(requests).to.have.length(0);
    });

    it("passes the exported project file through import unchanged, unknown fields included", async () => {
        const file = exportedProjectSchema.parse({ ...conversationExport(), futureField: { kept: true } });
        const { api, requests } = client({
            status: 202,
            headers: { "operation-location": `${projectsUrl}/faq/import/jobs/j3` },
        });
        await api.startImport("faq", file);
        expect(JSON.parse(requests[0]!.body as string)).to.deep.equal(file);
    });

    it("follows nextLink verbatim across pages", async () => {
        const next = `${projectsUrl}?skip=1&top=1&api-version=2023-04-01`;
        const { api, requests } = client(
            { status: 200, json: { value: [project], nextLink: next } },
            { status: 200, json: { value: [{ ...project, projectName: "orders" }], nextLink: null } },
        );
        const projects = await api.listProjects();
        expect(projects.map((p) => p.projectName)).to.deep.equal(["faq", "orders"]);
        expect(requests[1]!.url).to.equal(next);
    });

    it("accepts project details without lastTrainedDateTime and keeps unknown fields", async () => {
        const { api } = client({ status: 200, json: { ...project, newField: 1 } });
        const details = await api.getProject("faq");
        expect(details.lastTrainedDateTime).to.equal(undefined);
        expect(details).to.have.property("newField", 1);
    });

    it("answers undefined for a missing project, and throws for other failures", async () => {
        const notFound = { status: 404, json: { error: { code: "ProjectNotFound", message: "no" } } };
        expect(await client(notFound).api.findProject("faq")).to.equal(undefined);
        const denied = { status: 401, json: { error: { code: "401", message: "Access denied" } } };
        let failure: unknown;
        await client(denied)
            .api.findProject("faq")
            .catch((error) => (failure = error));
        expect(String(failure)).to.include("401");
    });

    it("reports the gateway's bare 404 (a wrong path, resource or api-version) instead of calling it absent", async () => {
        const gateway = { status: 404, json: { error: { code: "404", message: "Resource not found" } } };
        let failure: unknown;
        await client(gateway)
            .api.findProject("faq")
            .catch((error) => (failure = error));
        expect(String(failure)).to.include("404 404: Resource not found");
    });

    it("names the offending field of a malformed response", async () => {
        const { api } = client({ status: 200, json: { ...project, lastModifiedDateTime: 42 } });
        let failure: unknown;
        await api.getProject("faq").catch((error) => (failure = error));
        expect(failure).to.be.instanceOf(ContractError);
        expect(String(failure)).to.include('response of getting project "faq": field "lastModifiedDateTime"');
    });

    it("polls a job at its URL exactly as given and reports the Retry-After it was sent", async () => {
        const statusUrl = `${projectsUrl}/faq/import/jobs/j4?api-version=2023-04-01&extra=kept`;
        const state = {
            jobId: "j4",
            createdDateTime: project.createdDateTime,
            lastUpdatedDateTime: project.createdDateTime,
            status: "running",
        };
        const { api, requests } = client({ status: 200, json: state, headers: { "retry-after": "2" } });
        const poll = await api.pollJob(statusUrl, "importing");
        expect(requests[0]!.url).to.equal(statusUrl);
        expect(poll).to.deep.include({ retryAfterMs: 2000 });
        expect(poll.state.status).to.equal("running");
    });
});
