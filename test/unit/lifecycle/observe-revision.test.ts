import { expect } from "chai";
import { clientFor } from "../../../provider/lifecycle/connections";
import { check } from "../../../provider/lifecycle/check";
import { create } from "../../../provider/lifecycle/create";
import { timeoutMinutesSchema } from "../../../provider/lifecycle/inputs";
import { observeRevision } from "../../../provider/lifecycle/observe-revision";
import type { ResourceLog } from "../../../provider/lifecycle/resource-log";
import type { ExportedFile } from "../../../provider/project-file/exported-file";
import { travelClu } from "../../../stacks/local/samples/travel-clu";
import { InProcessEmulator } from "../../support/in-process-emulator";

const project = travelClu.file.metadata.projectName;
const silent: ResourceLog = { info: () => {}, progress: () => {}, warn: () => {}, flushed: async () => {} };

/** What changed on the primary since the revision recorded last, against the emulator in process. */
describe("observe revision", () => {
    let emulator: InProcessEmulator;
    let exports: ExportedFile[];

    beforeEach(async () => {
        emulator = new InProcessEmulator({ jobTiming: { mode: "instant" } });
        await emulator.seedTravelSample();
        emulator.guardPrimary();
        exports = [];
    });

    const settings = { apiVersion: "2023-04-01" as const };
    const client = (side: "primary" | "secondary") =>
        clientFor(emulator.connection(side), "Conversation", settings, emulator.io);

    async function observe(previous: Parameters<typeof observeRevision>[4]) {
        const primary = client("primary");
        const details = await primary.getProject(project);
        const waits = { timeoutMinutes: timeoutMinutesSchema.parse({}), clock: emulator.clock };
        return observeRevision(primary, client("secondary"), details, project, previous, waits, silent, (file) =>
            exports.push(file),
        );
    }

    const earlier = (contentHash?: string) => ({
        lastModifiedDateTime: "2000-01-01T00:00:00Z",
        items: {},
        changes: "",
        ...(contentHash && { contentHash }),
    });

    it("exports nothing while the primary has not moved", async () => {
        const details = await client("primary").getProject(project);
        const same = { ...earlier("sha256-items:x"), lastModifiedDateTime: details.lastModifiedDateTime };
        expect(await observe(same)).to.equal(same);
        expect(exports).to.deep.equal([]);
    });

    it("exports nothing for a replica that does not exist yet: its create does", async () => {
        const revision = await observe(undefined);
        expect(revision.changes).to.match(/^first copy: exported, imported, trained and deployed by the create/);
        expect(revision).to.not.have.property("contentHash");
        expect(exports).to.deep.equal([]);
    });

    it("counts the items of a first copy when the secondary has no project yet", async () => {
        const revision = await observe(earlier("sha256-items:other"));
        expect(revision.changes).to.match(/^first copy: \d+ \w+(, \d+ \w+)+$/);
        expect(revision.contentHash).to.be.a("string");
        expect(exports).to.have.length(1);
        expect(exports[0]!.fingerprint.contentHash).to.equal(revision.contentHash);
    });

    it("tells a save without content changes from a change", async () => {
        const { contentHash } = await observe(earlier("sha256-items:other"));
        const revision = await observe(earlier(contentHash));
        expect(revision.changes).to.equal("none: the primary was saved without content changes; nothing to retrain");
        expect(revision.contentHash).to.equal(contentHash);
    });

    it("tells what changed against the content the secondary holds, or that it holds it already", async () => {
        const declared = {
            primary: emulator.connection("primary"),
            secondary: emulator.connection("secondary"),
            projectName: project,
            polling: { initialIntervalMs: 100, maxIntervalMs: 1000 },
        };
        const consoleLog = console.log;
        console.log = () => {};
        try {
            const checked = await check({}, declared, emulator.io);
            await create(checked.inputs!, emulator.io);
        } finally {
            console.log = consoleLog;
        }

        const held = await observe(earlier("sha256-items:other"));
        expect(held.changes).to.equal("none: the secondary already holds this content");

        await emulator.admin.editProject("primary", project, {
            op: "changeSettings",
            settings: { confidenceThreshold: 0.7 },
        });
        const edited = await observe(earlier(held.contentHash));
        expect(edited.changes).to.equal("settings ~1 (confidenceThreshold)");
        expect(edited.contentHash).to.not.equal(held.contentHash);
        expect(edited.items).to.deep.equal(held.items);

        // A removed item is named from the content the secondary holds.
        await emulator.admin.editProject("primary", project, { op: "removeUtterance", text: "fly to Haneda" });
        const removed = await observe(earlier(edited.contentHash));
        expect(removed.changes).to.include('"fly to Haneda"');
    });
});
