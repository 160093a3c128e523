import { expect } from "chai";
import { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageTransport } from "../../../provider/client/transport";
import { checkedInputsSchema } from "../../../provider/lifecycle/inputs";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import { adoptItemHashes } from "../../../provider/lifecycle/whole-file-hashes";
import { fingerprintOf } from "../../../provider/plan/content-fingerprint";
import { sampleProjects } from "../../../stacks/local/samples";
import { FakeClock } from "../../support/fake-clock";
import { scriptedSend } from "../../support/scripted-send";

const { file } = sampleProjects[0]!;
const secondaryUrl = "http://127.0.0.1:9/secondary";
const projects = `${secondaryUrl}/language/authoring/analyze-conversations/projects`;
const wholeFileHash = `sha256:${"a".repeat(64)}`;
const importedAt = "2026-11-20T10:00:00Z";

const inputs = (contentHash: string | undefined) =>
    checkedInputsSchema.parse({
        primary: { endpoint: "http://127.0.0.1:9/primary", key: "p" },
        secondary: { endpoint: secondaryUrl, key: "s" },
        projectName: "travel-clu",
        secondaryProjectName: "travel-clu",
        projectKind: "Conversation",
        deploymentName: "production",
        modelLabel: "production",
        primaryRevision: { lastModifiedDateTime: "2026-11-21T10:00:00Z", contentHash, items: {}, changes: "" },
    });

/** What 0.2 recorded after a sync; `edited` moves the secondary on since its import. */
const state = (edited = false) =>
    ({
        importedContentHash: wholeFileHash,
        importedLastModifiedDateTime: importedAt,
        trainedFrom: { contentHash: wholeFileHash, trainingSignature: "{}" },
        syncedRevision: { lastModifiedDateTime: "2026-11-20T09:00:00Z", contentHash: wholeFileHash },
        secondaryProject: { lastModifiedDateTime: edited ? "2026-11-20T11:00:00Z" : importedAt },
    }) as ReplicaState;

/** The secondary answering one export of the sample file. */
function secondaryExporting() {
    const http = scriptedSend(
        { status: 202, headers: { "operation-location": `${projects}/travel-clu/export/jobs/j1` } },
        {
            status: 200,
            json: {
                jobId: "j1",
                createdDateTime: importedAt,
                lastUpdatedDateTime: importedAt,
                status: "succeeded",
                resultUrl: `${projects}/travel-clu/export/jobs/j1/result`,
            },
        },
        { status: 200, json: file },
    );
    const clock = new FakeClock();
    const transport = new LanguageTransport({
        endpoint: secondaryUrl,
        credentials: { kind: "key", key: "s" },
        rateLimits: false,
        send: http.send,
        clock,
    });
    const lines: string[] = [];
    const context = {
        clock,
        deadline: clock.now() + 60_000,
        log: (line: string) => void lines.push(line),
        progress: () => undefined,
    };
    return { client: new AuthoringClient(transport, "analyze-conversations", "2023-04-01"), http, context, lines };
}

describe("hashes of 0.2 (whole file) in state, met by this release's per-item hashes", () => {
    const itemHash = fingerprintOf(file).contentHash;

    it("takes the secondary's hash in the new form wherever the state holds the old one", async () => {
        const { client, http, context } = secondaryExporting();
        const recorded = state();
        await adoptItemHashes(recorded, inputs(itemHash), client, context);
        expect(http.requests.map((request) => request.method)).to.deep.equal(["POST", "GET", "GET"]);
        expect(recorded.importedContentHash).to.equal(itemHash);
        expect(recorded.trainedFrom!.contentHash).to.equal(itemHash);
        expect(recorded.syncedRevision!.contentHash).to.equal(itemHash);
    });

    it("leaves a secondary edited since its import alone: it is imported again anyway", async () => {
        const { client, http, context } = secondaryExporting();
        const recorded = state(true);
        await adoptItemHashes(recorded, inputs(itemHash), client, context);
        expect(http.requests).to.have.length(0);
        expect(recorded.importedContentHash).to.equal(wholeFileHash);
    });

    it("asks nothing while the revision still has the old form, or the state the new one", async () => {
        for (const [recorded, revision] of [
            [state(), wholeFileHash],
            [{ ...state(), importedContentHash: itemHash }, itemHash],
        ] as const) {
            const { client, http, context } = secondaryExporting();
            await adoptItemHashes(recorded, inputs(revision), client, context);
            expect(http.requests).to.have.length(0);
        }
    });

    it("says it adopted the new form, once", async () => {
        const { client, context, lines } = secondaryExporting();
        await adoptItemHashes(state(), inputs(itemHash), client, context);
        expect(lines).to.deep.equal([
            `recorded the secondary's content hash in this release's form (${itemHash}), exported once after the upgrade`,
        ]);
    });

    it("leaves a training or sync of other content, or none, as recorded", async () => {
        const other = `sha256:${"b".repeat(64)}`;
        const trainedFrom = { contentHash: other, trainingSignature: "{}" };
        const syncedRevision = { lastModifiedDateTime: "2026-11-20T09:00:00Z", contentHash: other };
        for (const recorded of [
            { ...state(), trainedFrom, syncedRevision: undefined },
            { ...state(), trainedFrom: undefined, syncedRevision },
        ] as ReplicaState[]) {
            const { client, context } = secondaryExporting();
            const before = { trainedFrom: recorded.trainedFrom, syncedRevision: recorded.syncedRevision };
            await adoptItemHashes(recorded, inputs(itemHash), client, context);
            expect(recorded.importedContentHash).to.equal(itemHash);
            expect({ trainedFrom: recorded.trainedFrom, syncedRevision: recorded.syncedRevision }).to.deep.equal(
                before,
            );
        }
    });

    it("asks nothing without a revision hash or a recorded secondary project", async () => {
        for (const [recorded, revision] of [
            [state(), undefined],
            [{ ...state(), secondaryProject: undefined } as ReplicaState, itemHash],
        ] as const) {
            const { client, http, context } = secondaryExporting();
            await adoptItemHashes(recorded, inputs(revision), client, context);
            expect(http.requests).to.have.length(0);
            expect(recorded.importedContentHash).to.equal(wholeFileHash);
        }
    });
});
