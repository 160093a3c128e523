import { expect } from "chai";
import { AdminApiError, EmulatorAdminClient } from "../../../emulator/admin-client";
import { ManualClock } from "../../../emulator/jobs/clock";
import { startEmulator } from "../../../emulator/start-emulator";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject } from "./support/deploy-project";
import { expectStatus, LanguageApi } from "./support/language-api";
import { conversationTask, RuntimeApi } from "./support/runtime-api";
import { startTestBed, type TestBed } from "./support/test-bed";

async function failure(request: Promise<unknown>): Promise<unknown> {
    try {
        await request;
    } catch (error) {
        return error;
    }
    throw new Error("the request was answered");
}

/** Polls the admin API (no sleeping) until the primary's outage holds that many requests. */
async function waitUntilHeld(admin: EmulatorAdminClient, count: number): Promise<void> {
    for (let attempt = 0; attempt < 1000; attempt++) {
        const primary = (await admin.resources()).find((resource) => resource.name === "primary");
        if (primary?.heldRequests === count) {
            return;
        }
    }
    throw new Error(`the primary never held ${count} request(s)`);
}

describe("emulator runtime: faults, outages and throttling", function () {
    let bed: TestBed;
    let primary: RuntimeApi;
    let secondary: RuntimeApi;
    const task = conversationTask("TravelBot", "book a flight to Oslo");

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" } });
        primary = bed.runtime("primary");
        secondary = bed.runtime("secondary");
        for (const resource of ["primary", "secondary"]) {
            await deployProject(bed.api(resource, "analyze-conversations"), travelConversation(), conversationTraining);
        }
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
        await bed.admin.endOutage("primary");
        await bed.admin.clearRequests();
    });

    after(async () => {
        await bed.stop();
    });

    it("applies injected faults to runtime paths", async () => {
        await bed.admin.addFault({
            path: "^/language/:analyze-conversations$",
            resource: "primary",
            fault: { kind: "status", status: 503, times: 1 },
        });
        const faulted = await primary.send("POST", "/:analyze-conversations", "2023-04-01", { body: task });
        expectStatus(faulted, 503, "faulted");
        expect(faulted.body).to.nested.include({ "error.code": "ServiceUnavailable" });
        await primary.analyzeConversation(task);

        await bed.admin.addFault({ path: "analyze-text/jobs", fault: { kind: "dropConnection", times: 1 } });
        expect(await failure(primary.send("POST", "/analyze-text/jobs", "2023-04-01", { body: {} }))).to.be.instanceOf(
            TypeError,
        );
    });

    it("takes one resource's region down with a 5xx, for authoring and runtime alike, until it is back", async () => {
        await bed.admin.startOutage("primary", { mode: "status" });
        expect((await bed.admin.resources()).find((resource) => resource.name === "primary")?.outage).to.deep.equal({
            mode: "status",
            status: 503,
        });
        const runtime = await primary.send("POST", "/:analyze-conversations", "2023-04-01", { body: task });
        expectStatus(runtime, 503, "runtime");
        const authoring = await bed.api("primary", "analyze-conversations").send("GET", "/TravelBot");
        expectStatus(authoring, 503, "authoring");
        // Even a wrong key gets the outage: the region answers nothing else.
        const unauthenticated = await primary.send("POST", "/:analyze-conversations", "2023-04-01", {
            body: task,
            auth: {},
        });
        expectStatus(unauthenticated, 503, "no key");
        // The other region serves on, and answers the same.
        const fromSecondary = await secondary.analyzeConversation(task);

        await bed.admin.endOutage("primary");
        expect(await primary.analyzeConversation(task)).to.deep.equal(fromSecondary);
        const log = await bed.admin.requests("primary");
        expect(log.map((entry) => entry.status)).to.deep.equal([503, 503, 503, 200]);
    });

    it("drops every connection while the region is down that way", async () => {
        await bed.admin.startOutage("primary", { mode: "dropConnection" });
        expect(await failure(primary.analyzeConversation(task))).to.be.instanceOf(TypeError);
        await secondary.analyzeConversation(task);
        expect((await bed.admin.requests("primary")).map((entry) => entry.status)).to.deep.equal([null]);
    });

    it("holds requests while the region hangs, and closes them unanswered when it is back", async () => {
        await bed.admin.startOutage("primary", { mode: "hang" });
        const held = failure(primary.analyzeConversation(task));
        await waitUntilHeld(bed.admin, 1);
        // The secondary answers while the primary's request is held.
        await secondary.analyzeConversation(task);
        expect(await bed.admin.requests("primary")).to.deep.equal([]);
        await bed.admin.endOutage("primary");
        expect(await held).to.be.instanceOf(TypeError);
        expect((await bed.admin.requests("primary")).map((entry) => entry.status)).to.deep.equal([null]);
        await primary.analyzeConversation(task);
    });

    it("refuses an outage of an unknown resource or of an unknown kind", async () => {
        const refused = async (call: Promise<unknown>) => ((await failure(call)) as AdminApiError).status;
        expect(await refused(bed.admin.startOutage("elsewhere", { mode: "status" }))).to.equal(404);
        expect(await refused(bed.admin.endOutage("elsewhere"))).to.equal(404);
        expect(await refused(bed.admin.startOutage("primary", { mode: "status", status: 429 }))).to.equal(400);
        expect(await refused(bed.admin.startOutage("primary", { mode: "flood" } as never))).to.equal(400);
        expect((await bed.admin.resources()).every((resource) => resource.outage === undefined)).to.equal(true);
    });

    it("closes held requests when the emulator stops", async () => {
        const emulator = await startEmulator({ port: 0, rateLimits: false });
        const { endpoint, keys } = emulator.resources[0]!;
        const admin = new EmulatorAdminClient(emulator.url);
        await admin.startOutage("primary", { mode: "hang" });
        const held = failure(new LanguageApi(endpoint, keys[0], "analyze-conversations").send("GET", ""));
        await waitUntilHeld(admin, 1);
        await emulator.stop();
        expect(await held).to.be.instanceOf(TypeError);
    });

    it("throttles runtime requests in a budget of their own", async () => {
        const clock = new ManualClock(Date.parse("2026-01-01T00:00:00Z"));
        const emulator = await startEmulator({
            port: 0,
            clock,
            jobTiming: { mode: "instant" },
            rateLimits: { writesPerMinute: 100, readsPerMinute: 100, predictionsPerMinute: 2 },
        });
        try {
            const { endpoint, keys } = emulator.resources[0]!;
            const runtime = new RuntimeApi(endpoint, keys[0]);
            const send = () => runtime.send("POST", "/:analyze-conversations", "2023-04-01", { body: task });
            expect((await send()).status).to.equal(404);
            expect((await send()).status).to.equal(404);
            clock.advance(15_000);
            const throttled = await send();
            expectStatus(throttled, 429, "third prediction in a minute");
            expect(throttled.headers.get("retry-after")).to.equal("45");
            expect(throttled.body).to.nested.include({ "error.code": "TooManyRequests" });
            // Authoring has its own budget.
            const authoring = new LanguageApi(endpoint, keys[0], "analyze-conversations");
            expectStatus(await authoring.send("GET", ""), 200, "authoring");
            clock.advance(45_000);
            expect((await send()).status).to.equal(404);
        } finally {
            await emulator.stop();
        }
    });
});
