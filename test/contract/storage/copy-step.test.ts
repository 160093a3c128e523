import { BlobServiceClient } from "@azure/storage-blob";
import { expect } from "chai";
import { type RunningAzurite, startAzurite } from "../../../emulator/storage/azurite";
import { systemClock } from "../../../provider/client/clock";
import { documentRunners } from "../../../provider/lifecycle/document-steps";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import type { StepRun } from "../../../provider/lifecycle/step-run";
import { checkedInputsFor } from "../../support/checked-inputs";

const text = "Two sisters rebuild their lives after the farm is sold.";

describe("the copy step: what it records, and when it stops the run", function () {
    this.timeout(60_000);

    let primary: RunningAzurite;
    let secondary: RunningAzurite;
    const warnings: string[] = [];

    /** A run of the copy step for documents `check` saw with these content ids. */
    const runWith = (contents: Record<string, string>, container?: string) => {
        const inputs = checkedInputsFor({
            projectKind: "CustomMultiLabelClassification",
            documents: {
                source: { connectionString: primary.connectionString },
                target: { connectionString: secondary.connectionString },
                ...(container && { container }),
            },
            primaryRevision: {
                lastModifiedDateTime: "2026-11-20T10:00:00Z",
                contentHash: "sha256:content",
                items: {},
                changes: "",
                documents: { container: "documents", contents },
            },
        });
        const context = {
            clock: systemClock,
            polling: { initialMs: 10, maxMs: 100 },
            deadline: Date.now() + 60_000,
            log: () => undefined,
            progress: () => undefined,
        };
        const run = {
            inputs,
            state: {} as ReplicaState,
            context: () => context,
            warn: (line: string) => warnings.push(line),
            completed: [],
        };
        return run as unknown as StepRun;
    };

    before(async () => {
        primary = await startAzurite();
        // Another account, as the secondary's storage is: one Azurite per region, as in the local stack.
        secondary = await startAzurite({
            accounts: [{ name: "northdocs", key: Buffer.from("northdocs key".padEnd(64, ".")).toString("base64") }],
        });
        const container = BlobServiceClient.fromConnectionString(primary.connectionString).getContainerClient(
            "documents",
        );
        await container.create();
        await container.getBlockBlobClient("movies/plot-02.txt").upload(text, Buffer.byteLength(text));
    });

    after(async () => {
        await primary?.stop();
        await secondary?.stop();
    });

    it("copies into the container asked for and records what the secondary holds there", async () => {
        const run = runWith({ "movies/plot-02.txt": "md5:stale" }, "replica-documents");
        const failure = await documentRunners.copy(run).catch((error: Error) => error);
        // The text differs from what check saw: copied, but nothing is trained under the planned candidate.
        expect(String(failure)).to.include(
            "the primary's documents changed while this update ran (documents ~1 (movies/plot-02.txt)); the new texts are copied: run pulumi up again to train them",
        );
        expect(run.state.secondaryDocuments).to.deep.include({
            account: "northdocs",
            container: "replica-documents",
        });
        const held = run.state.secondaryDocuments!.held["movies/plot-02.txt"]!;
        expect(held).to.match(/^md5:/).and.not.equal("md5:stale");
        const again = runWith({ "movies/plot-02.txt": held }, "replica-documents");
        expect(await documentRunners.copy(again)).to.equal("found done");
    });

    it("warns of documents the primary's container lacks, and copies the rest", async () => {
        warnings.length = 0;
        const first = runWith({ "movies/plot-02.txt": "md5:stale" });
        await documentRunners.copy(first).catch(() => undefined);
        const held = first.state.secondaryDocuments!.held["movies/plot-02.txt"]!;
        const run = runWith({ "movies/plot-02.txt": held, "movies/plot-09.txt": "missing" });
        expect(await documentRunners.copy(run)).to.equal("found done");
        expect(warnings).to.deep.equal([
            `the primary's container "documents" lacks 1 of the documents its labels reference (movies/plot-09.txt): they cannot be copied, and training fails on them`,
        ]);
    });
});
