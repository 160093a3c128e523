import { expect } from "chai";
import { jobStateSchema, projectMetadataSchema, type ExportedProject } from "../../../provider/contract";
import type { ProjectEdit } from "../../../emulator/admin/admin-schemas";
import { AdminApiError } from "../../../emulator/admin-client";
import { ManualClock } from "../../../emulator/jobs/clock";
import {
    conciergeOrchestration,
    contractsEntityRecognition,
    newsTopicsMultiLabel,
    supportTicketsSingleLabel,
    travelConversation,
} from "../../fixtures/emulator/sample-projects";
import { expectBody, type LanguageApi } from "./support/language-api";
import { startTestBed, uploadDocuments, type TestBed } from "./support/test-bed";

interface EditCase {
    readonly project: string;
    readonly text: boolean;
    readonly edits: readonly ProjectEdit[];
    readonly check: (file: ExportedProject) => void;
}

type Named = { category?: string; text?: string; location?: string };
const names = (file: ExportedProject, key: string, field: keyof Named) =>
    ((file.assets as Record<string, Named[] | undefined>)[key] ?? []).map((item) => item[field]);

const editCases: readonly EditCase[] = [
    {
        project: "TravelBot",
        text: false,
        edits: [
            { op: "addIntent", intent: { category: "Greet" } },
            { op: "addUtterance", utterance: { text: "hello there", intent: "Greet", entities: [] } },
            { op: "addEntity", entity: { category: "Airline", list: { sublists: [] } } },
            { op: "removeEntity", category: "BookingCode" },
            { op: "removeUtterance", text: "what is the weather like" },
        ],
        check: (file) => {
            expect(names(file, "intents", "category")).to.include("Greet");
            expect(names(file, "entities", "category"))
                .to.include("Airline")
                .and.not.include("BookingCode");
            expect(names(file, "utterances", "text"))
                .to.include("hello there")
                .and.not.include("what is the weather like");
            expect(JSON.stringify(file.assets)).to.not.contain('"BookingCode"');
        },
    },
    {
        project: "Concierge",
        text: false,
        edits: [
            { op: "addIntent", intent: { category: "Smalltalk" } },
            { op: "addUtterance", utterance: { text: "how are you", intent: "Smalltalk" } },
            { op: "removeIntent", category: "None" },
        ],
        check: (file) => {
            expect(names(file, "intents", "category")).to.deep.equal(["Travel", "Smalltalk"]);
            expect(names(file, "utterances", "text")).to.not.include("tell me a joke");
        },
    },
    {
        project: "SupportTickets",
        text: true,
        edits: [
            { op: "addClass", category: "Account" },
            {
                op: "addDocument",
                document: { location: "tickets/new.txt", language: "en", class: { category: "Account" } },
            },
            { op: "removeClass", category: "Outage" },
        ],
        check: (file) => {
            expect(names(file, "classes", "category")).to.deep.equal(["Billing", "Account"]);
            expect(names(file, "documents", "location")).to.include("tickets/new.txt");
            expect(JSON.stringify(file.assets)).to.not.contain("Outage");
        },
    },
    {
        project: "NewsTopics",
        text: true,
        edits: [{ op: "removeDocument", location: "news/election.txt" }, { op: "touch" }],
        check: (file) => expect(names(file, "documents", "location")).to.not.include("news/election.txt"),
    },
    {
        project: "Contracts",
        text: true,
        edits: [
            { op: "addEntity", entity: { category: "Amount" } },
            { op: "removeEntity", category: "Date" },
        ],
        check: (file) => {
            expect(names(file, "entities", "category")).to.deep.equal(["Party", "Amount"]);
            expect(JSON.stringify(file.assets)).to.not.contain('"Date"');
        },
    },
];

/** Edits that change labels or settings, no item added or removed; on fresh copies of the samples. */
const relabelCases: readonly EditCase[] = [
    {
        project: "RelabelledBot",
        text: false,
        edits: [
            { op: "relabelUtterance", text: "what is the weather like", intent: "BookFlight" },
            { op: "moveEntityLabel", item: "fly me to Lisbon tomorrow", category: "City", offset: 0, length: 3 },
            { op: "changeSettings", settings: { confidenceThreshold: 0.8 } },
        ],
        check: (file) => {
            const utterances = (file.assets as { utterances: { text: string; intent: string; entities: object[] }[] })
                .utterances;
            expect(utterances.find((u) => u.text === "what is the weather like")!.intent).to.equal("BookFlight");
            expect(utterances.find((u) => u.text === "fly me to Lisbon tomorrow")!.entities).to.deep.include({
                category: "City",
                offset: 0,
                length: 3,
            });
            expect(file.metadata.settings).to.deep.include({ confidenceThreshold: 0.8 });
        },
    },
    {
        project: "RelabelledTickets",
        text: true,
        edits: [{ op: "relabelDocument", location: "tickets/site-down.txt", classes: ["Billing"] }],
        check: (file) => {
            const documents = (file.assets as { documents: { location: string; class?: object }[] }).documents;
            expect(documents.find((d) => d.location === "tickets/site-down.txt")!.class).to.deep.equal({
                category: "Billing",
            });
        },
    },
    {
        project: "RelabelledNews",
        text: true,
        edits: [{ op: "relabelDocument", location: "news/election.txt", classes: ["Politics", "Sports"] }],
        check: (file) => {
            const documents = (file.assets as { documents: { location: string; classes?: object[] }[] }).documents;
            expect(documents.find((d) => d.location === "news/election.txt")!.classes).to.deep.equal([
                { category: "Politics" },
                { category: "Sports" },
            ]);
        },
    },
    {
        project: "RelabelledContracts",
        text: true,
        edits: [{ op: "moveEntityLabel", item: "contracts/loan.txt", category: "Date", offset: 0, length: 9 }],
        check: (file) => {
            const documents = (file.assets as { documents: { location: string; entities: { labels: object[] }[] }[] })
                .documents;
            const labels = documents.find((d) => d.location === "contracts/loan.txt")!.entities[0]!.labels;
            expect(labels).to.deep.include({ category: "Date", offset: 0, length: 9 });
        },
    },
];

describe("emulator: admin API", function () {
    let bed: TestBed;
    let clock: ManualClock;
    let clu: LanguageApi;
    let text: LanguageApi;

    before(async () => {
        clock = new ManualClock(Date.parse("2024-03-01T12:00:00Z"));
        bed = await startTestBed({ withStorage: true, clock, jobTiming: { mode: "instant" } });
        clu = bed.api("primary", "analyze-conversations");
        text = bed.api("primary", "analyze-text");
        for (const sample of [supportTicketsSingleLabel(), newsTopicsMultiLabel(), contractsEntityRecognition()]) {
            await uploadDocuments(
                bed.storage["primary"]!,
                sample.file.metadata.storageInputContainerName,
                sample.documents,
            );
            await text.importProject(sample.file);
        }
        await clu.importProject(travelConversation());
        await clu.importProject(conciergeOrchestration());
        await clu.importProject(travelConversation("RelabelledBot"));
        await text.importProject(supportTicketsSingleLabel("RelabelledTickets").file);
        await text.importProject(newsTopicsMultiLabel("RelabelledNews").file);
        await text.importProject(contractsEntityRecognition("RelabelledContracts").file);
    });

    after(async () => {
        await bed.stop();
    });

    describe("Language Studio edits", () => {
        for (const editCase of [...editCases, ...relabelCases]) {
            it(`edits ${editCase.project}; every edit moves lastModifiedDateTime, even under a frozen clock`, async () => {
                const api = editCase.text ? text : clu;
                let last = (await api.read(`/${editCase.project}`, projectMetadataSchema)).lastModifiedDateTime;
                for (const edit of editCase.edits) {
                    const metadata = projectMetadataSchema.parse(
                        await bed.admin.editProject("primary", editCase.project, edit),
                    );
                    expect(Date.parse(metadata.lastModifiedDateTime)).to.be.greaterThan(Date.parse(last));
                    last = metadata.lastModifiedDateTime;
                }
                expect((await api.read(`/${editCase.project}`, projectMetadataSchema)).lastModifiedDateTime).to.equal(
                    last,
                );
                editCase.check(await api.exportProject(editCase.project));
            });
        }

        it("refuses edits that do not fit the project kind or would break it", async () => {
            const attempts: [string, ProjectEdit, number][] = [
                ["TravelBot", { op: "addClass", category: "X" }, 400],
                ["TravelBot", { op: "addUtterance", utterance: { text: "x", intent: "Undeclared" } }, 400],
                ["TravelBot", { op: "addIntent", intent: { category: "Greet" } }, 400],
                ["TravelBot", { op: "removeUtterance", text: "never said" }, 404],
                ["TravelBot", { op: "relabelUtterance", text: "cancel booking TP1234", intent: "Undeclared" }, 400],
                [
                    "TravelBot",
                    { op: "moveEntityLabel", item: "cancel booking TP1234", category: "City", offset: 0, length: 2 },
                    404,
                ],
                [
                    "TravelBot",
                    {
                        op: "moveEntityLabel",
                        item: "cancel booking TP1234",
                        category: "BookingCode",
                        offset: 20,
                        length: 9,
                    },
                    400,
                ],
                [
                    "SupportTickets",
                    { op: "relabelDocument", location: "tickets/site-down.txt", classes: ["Billing", "Outage"] },
                    400,
                ],
                ["SupportTickets", { op: "relabelUtterance", text: "x", intent: "Billing" }, 400],
                ["Nobody", { op: "touch" }, 404],
            ];
            for (const [project, edit, status] of attempts) {
                let failure: unknown;
                try {
                    await bed.admin.editProject("primary", project, edit);
                } catch (error) {
                    failure = error;
                }
                expect(failure, `${project} ${edit.op}`)
                    .to.be.instanceOf(AdminApiError)
                    .and.have.property("status", status);
            }
        });
    });

    describe("job timing", () => {
        afterEach(async () => {
            await bed.admin.resetJobTiming();
        });

        it("finishes after N polls, with no time passing", async () => {
            await bed.admin.setJobTiming({ mode: "afterPolls", polls: 3 });
            const statusUrl = await clu.trigger("POST", "/TravelBot/:export", {
                query: { stringIndexType: "Utf16CodeUnit" },
            });
            const statuses = [];
            for (let poll = 0; poll < 3; poll++) {
                statuses.push(expectBody(await clu.sendTo("GET", statusUrl), 200, jobStateSchema, "poll").status);
            }
            expect(statuses).to.deep.equal(["notStarted", "running", "succeeded"]);
        });

        it("finishes T ms of clock time after the trigger, polled or not", async () => {
            await bed.admin.setJobTiming({ mode: "afterMs", ms: 60_000 }, { resource: "primary", operation: "deploy" });
            await clu.run("POST", "/TravelBot/:train", { body: { modelLabel: "m", trainingMode: "standard" } });
            await clu.trigger("PUT", "/TravelBot/deployments/live", { body: { trainedModelLabel: "m" } });
            clock.advance(59_000);
            expect((await clu.send("GET", "/TravelBot/deployments/live")).status).to.equal(404);
            clock.advance(1_000);
            expect((await clu.send("GET", "/TravelBot/deployments/live")).status).to.equal(200);
        });

        it("lists the global timing and its overrides", async () => {
            await bed.admin.setJobTiming({ mode: "afterPolls", polls: 5 }, { operation: "train" });
            expect(await bed.admin.jobTimings()).to.deep.equal([
                { scope: {}, timing: { mode: "instant" } },
                { scope: { operation: "train" }, timing: { mode: "afterPolls", polls: 5 } },
            ]);
        });
    });

    describe("request log", () => {
        it("records resource, method, path without query, status and time; filters and clears", async () => {
            await bed.admin.clearRequests();
            await clu.send("GET", "/TravelBot");
            await bed.api("secondary", "analyze-conversations").send("GET", "/TravelBot");
            const entries = await bed.admin.requests();
            expect(entries.map(({ time: _time, ...entry }) => entry)).to.deep.equal([
                {
                    resource: "primary",
                    method: "GET",
                    path: "/language/authoring/analyze-conversations/projects/TravelBot",
                    status: 200,
                },
                {
                    resource: "secondary",
                    method: "GET",
                    path: "/language/authoring/analyze-conversations/projects/TravelBot",
                    status: 404,
                },
            ]);
            expect(entries[0]!.time).to.equal(new Date(clock.now()).toISOString());
            expect(await bed.admin.requests("secondary")).to.have.length(1);
            await bed.admin.clearRequests();
            expect(await bed.admin.requests()).to.be.empty;
        });
    });

    describe("rate limits", () => {
        afterEach(() => bed.admin.resetRateLimits());

        it("throttles from the moment they are set, counting afresh, until reset to the emulator's own", async () => {
            expect(await bed.admin.rateLimits()).to.equal(false);
            await bed.admin.setRateLimits({ writesPerMinute: 1, readsPerMinute: 2 });
            expect(await bed.admin.rateLimits()).to.deep.equal({ writesPerMinute: 1, readsPerMinute: 2 });
            const statuses = [];
            for (let read = 0; read < 3; read++) statuses.push((await clu.send("GET", "/TravelBot")).status);
            expect(statuses).to.deep.equal([200, 200, 429]);
            await bed.admin.setRateLimits({ writesPerMinute: 1, readsPerMinute: 2 });
            expect((await clu.send("GET", "/TravelBot")).status, "counted afresh").to.equal(200);
            await bed.admin.resetRateLimits();
            expect(await bed.admin.rateLimits()).to.equal(false);
        });
    });

    it("lists the hosted resources without keys", async () => {
        const resources = await bed.admin.resources();
        expect(resources.map((resource) => resource.name)).to.deep.equal(["primary", "secondary"]);
        expect(JSON.stringify(resources)).to.not.contain("key");
        expect(resources[0]).to.include({ region: "westeurope", storageAccount: "devstoreaccount1" });
    });
});
