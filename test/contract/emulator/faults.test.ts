import { expect } from "chai";
import { jobStateSchema, trainingJobStateSchema } from "../../../provider/contract";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { expectBody, expectStatus, type LanguageApi } from "./support/language-api";
import { startTestBed, type TestBed } from "./support/test-bed";

const training = { modelLabel: "v1", trainingMode: "standard" };

describe("emulator: injected faults", function () {
    let bed: TestBed;
    let clu: LanguageApi;

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "afterPolls", polls: 1 } });
        clu = bed.api("primary", "analyze-conversations");
        await clu.importProject(travelConversation());
    });

    afterEach(async () => {
        await bed.admin.clearFaults();
    });

    after(async () => {
        await bed.stop();
    });

    it("answers a 5xx N times, then serves again", async () => {
        await bed.admin.addFault({
            method: "GET",
            path: "/projects/TravelBot$",
            resource: "primary",
            fault: { kind: "status", status: 503, times: 2 },
        });
        for (const attempt of [1, 2]) {
            const answer = await clu.send("GET", "/TravelBot");
            expectStatus(answer, 503, `attempt ${attempt}`);
            expect(answer.body).to.nested.include({ "error.code": "ServiceUnavailable" });
        }
        expectStatus(await clu.send("GET", "/TravelBot"), 200, "attempt 3");
        expect(await bed.admin.faults()).to.be.empty;
    });

    it("only hits the resource it names", async () => {
        await bed.admin.addFault({
            path: ".",
            resource: "secondary",
            fault: { kind: "status", status: 500, times: 1 },
        });
        expectStatus(await clu.send("GET", "/TravelBot"), 200, "primary untouched");
        expect(await bed.admin.faults()).to.have.length(1);
    });

    it("answers a burst of 429s with the given Retry-After", async () => {
        await bed.admin.addFault({ path: ":train$", fault: { kind: "throttle", retryAfterSeconds: 7, times: 3 } });
        for (let attempt = 0; attempt < 3; attempt++) {
            const answer = await clu.send("POST", "/TravelBot/:train", { body: training });
            expectStatus(answer, 429, "throttled");
            expect(answer.headers.get("retry-after")).to.equal("7");
        }
        await clu.run("POST", "/TravelBot/:train", { body: training }, trainingJobStateSchema);
    });

    it("drops the connection N times, and logs it with a null status", async () => {
        await bed.admin.clearRequests();
        await bed.admin.addFault({
            method: "GET",
            path: "/TravelBot/models$",
            fault: { kind: "dropConnection", times: 1 },
        });
        let failure: unknown;
        try {
            await clu.send("GET", "/TravelBot/models");
        } catch (error) {
            failure = error;
        }
        expect(failure).to.be.instanceOf(TypeError);
        expectStatus(await clu.send("GET", "/TravelBot/models"), 200, "after the drop");
        const log = await bed.admin.requests("primary");
        expect(log.map((entry) => entry.status)).to.deep.equal([null, 200]);
    });

    it("makes the next job of a trigger fail with the given error", async () => {
        await bed.admin.addFault({
            method: "POST",
            path: "/:export$",
            fault: { kind: "failJob", code: "InternalServerError", message: "disk on fire" },
        });
        const statusUrl = await clu.trigger("POST", "/TravelBot/:export", {
            query: { stringIndexType: "Utf16CodeUnit" },
        });
        const job = await clu.waitForJob(statusUrl);
        expect(job.status).to.equal("failed");
        expect(job.errors).to.deep.equal([{ code: "InternalServerError", message: "disk on fire" }]);
        expect(job).to.not.have.property("resultUrl");
        expect((await clu.exportProject("TravelBot")).metadata.projectName).to.equal("TravelBot");
    });

    it("makes a job hang until cancelled", async () => {
        await bed.admin.addFault({ path: ":train$", fault: { kind: "hangJob" } });
        const statusUrl = await clu.trigger("POST", "/TravelBot/:train", { body: { ...training, modelLabel: "v2" } });
        for (let poll = 0; poll < 5; poll++) {
            const job = expectBody(await clu.sendTo("GET", statusUrl), 200, trainingJobStateSchema, "poll");
            expect(job.status).to.be.oneOf(["notStarted", "running"]);
            expect(job.result.trainingStatus.percentComplete).to.be.below(100);
        }
        const jobId = new URL(statusUrl).pathname.split("/").at(-1)!;
        await clu.trigger("POST", `/TravelBot/train/jobs/${jobId}/:cancel`);
        expect((await clu.waitForJob(statusUrl, jobStateSchema)).status).to.equal("cancelled");
    });

    it("rejects a fault with an invalid regex", async () => {
        let failure: unknown;
        try {
            await bed.admin.addFault({ path: "(", fault: { kind: "dropConnection" } });
        } catch (error) {
            failure = error;
        }
        expect(failure).to.have.property("status", 400);
    });
});
