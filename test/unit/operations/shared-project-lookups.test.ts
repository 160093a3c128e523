import { expect } from "chai";
import { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageTransport } from "../../../provider/client/transport";
import { listingFreshForMs, lookupProject } from "../../../provider/operations/shared-project-lookups";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";
import { notFound, projectsPage } from "../../support/service-answers";

const endpoint = "https://primary.example";
const projectsUrl = `${endpoint}/language/authoring/analyze-text/projects`;
const kind = "CustomEntityRecognition";

/** A client of the primary answering from `script`, and lookups sharing answers within its HTTP layer. */
function primary(...script: Parameters<typeof scriptedSend>) {
    const scripted = scriptedSend(...script);
    const clock = new FakeClock();
    const transport = new LanguageTransport({
        endpoint,
        credentials: { kind: "key", key: "k" },
        send: scripted.send,
        clock,
        rateLimits: false,
    });
    const client = new AuthoringClient(transport, "analyze-text", "2023-04-01");
    const sharing = { scope: scripted.send, credentials: "hash-of-k" };
    return {
        clock,
        find: (name: string, credentials = sharing.credentials) =>
            lookupProject(client, name, { ...sharing, credentials }),
        /** What was asked: the project's name, or `list` and the page's skip. */
        asked: () =>
            scripted.requests.map((request) => {
                const url = new URL(request.url);
                const path = url.pathname.slice(new URL(projectsUrl).pathname.length);
                return path ? `get ${decodeURIComponent(path.slice(1))}` : `list ${url.searchParams.get("skip") ?? 0}`;
            }),
    };
}

const nextPage = (skip: number) => `${projectsUrl}?api-version=2023-04-01&skip=${skip}`;
const one = (name: string) => projectsPage(kind, [name]).json.value[0];
const fleet = ["contracts", "invoices", "receipts", "claims"];

describe("shared project lookups: the primary's listing answers a fleet's checks", () => {
    it("asks for the first project, then reads the listing once for the rest of the window", async () => {
        const { find, asked } = primary({ status: 200, json: one("contracts") }, projectsPage(kind, fleet));
        for (const name of fleet) expect((await find(name))?.projectName).to.equal(name);
        expect(asked()).to.deep.equal(["get contracts", "list 0"]);
    });

    it("asks for a project the listing lacks, and concludes absence only from a 404", async () => {
        const { find, asked } = primary(notFound, projectsPage(kind, fleet), { status: 200, json: one("new") });
        expect(await find("gone")).to.equal(undefined);
        expect((await find("new"))?.projectName).to.equal("new");
        expect(asked()).to.deep.equal(["get gone", "list 0", "get new"]);
    });

    it("reads a further page only when the lookups so far have paid for it", async () => {
        const { find, asked } = primary(
            { status: 200, json: one("a1") },
            projectsPage(kind, ["a1", "a2"], nextPage(2)),
            projectsPage(kind, ["b1", "b2"], nextPage(4)),
            projectsPage(kind, ["c1", "c2"]),
            { status: 200, json: one("z") },
        );
        for (const name of ["a1", "a2", "b1", "z", "c2", "b2"]) expect((await find(name))?.projectName).to.equal(name);
        // a2 came free with the first page, which paid for the second (b1) and the last (looking for z).
        expect(asked()).to.deep.equal(["get a1", "list 0", "list 2", "list 4", "get z"]);
    });

    it("costs at most one request above a GET per lookup when the wanted projects are not listed early", async () => {
        const others = (skip: number) => projectsPage(kind, [`other-${skip}`], nextPage(skip + 1));
        const wanted = ["x1", "x2", "x3", "x4"];
        const { find, asked } = primary(
            { status: 200, json: one("x1") },
            others(0),
            ...wanted.slice(1).map((name) => ({ status: 200, json: one(name) })),
        );
        for (const name of wanted) expect((await find(name))?.projectName).to.equal(name);
        expect(asked()).to.deep.equal(["get x1", "list 0", "get x2", "get x3", "get x4"]);
    });

    it("lets concurrent lookups wait for the same page instead of reading it twice", async () => {
        const { find, asked } = primary({ status: 200, json: one("contracts") }, projectsPage(kind, fleet));
        await find("contracts");
        const found = await Promise.all(fleet.slice(1).map((name) => find(name)));
        expect(found.map((metadata) => metadata?.projectName)).to.deep.equal(fleet.slice(1));
        expect(asked()).to.deep.equal(["get contracts", "list 0"]);
    });

    it("reads afresh once the window has passed", async () => {
        const { find, asked, clock } = primary({ status: 200, json: one("contracts") }, projectsPage(kind, fleet), {
            status: 200,
            json: one("claims"),
        });
        await find("contracts");
        await find("invoices");
        clock.advance(listingFreshForMs);
        await find("claims");
        expect(asked()).to.deep.equal(["get contracts", "list 0", "get claims"]);
    });

    it("shares nothing between credentials", async () => {
        const { find, asked } = primary(
            { status: 200, json: one("contracts") },
            { status: 200, json: one("invoices") },
        );
        await find("contracts");
        await find("invoices", "hash-of-another-key");
        expect(asked()).to.deep.equal(["get contracts", "get invoices"]);
    });

    it("leaves a listing the service refuses for GETs, which say what is wrong", async () => {
        const forbidden = { status: 403, json: { error: { code: "Forbidden", message: "no listing" } } };
        const { find, asked } = primary(
            { status: 200, json: one("contracts") },
            forbidden,
            { status: 200, json: one("invoices") },
            { status: 200, json: one("claims") },
        );
        for (const name of ["contracts", "invoices", "claims"]) expect((await find(name))?.projectName).to.equal(name);
        expect(asked()).to.deep.equal(["get contracts", "list 0", "get invoices", "get claims"]);
    });
});
