import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { ReplicatedLanguageProject } from "../../provider";
import type { ReplicaState } from "../../provider/lifecycle/replica-state";
import { cliEcho } from "../support/cli-echo";
import { itLeavingPrimaryAlone } from "../support/primary-guard";
import { readTree } from "../support/read-tree";
import { emulatorKeys, ReplicationBed } from "../support/replication-bed";

const project = "movie-genres";
const trainPath = `/language/authoring/analyze-text/projects/${project}/:train`;
const importPath = `/language/authoring/analyze-text/projects/${project}/:import`;

describe("custom text documents replicated to the secondary region's storage, under the real Pulumi engine", function () {
    this.timeout(4 * 60_000);
    const itReadOnly = itLeavingPrimaryAlone(() => bed);

    let bed: ReplicationBed;
    let stack: Stack;
    /** What the CLI printed: all of it (the key check reads it), and since `recent` was last emptied. */
    const printed = { all: "", recent: "" };
    const echo = cliEcho();
    const onOutput = (text: string) => {
        printed.all += text;
        printed.recent += text;
        echo(text);
    };

    /** Whole blobs written into the secondary's storage (copies), by location, since the last clear. */
    const copiesToSecondary = () =>
        bed.storageProxies.secondary
            .requests()
            .filter((request) => request.method === "PUT" && request.comp === undefined)
            .map((request) => request.path.split("/").slice(3).join("/"))
            .filter((location) => location !== "");
    /** Requests of this method and path that reached the secondary Language resource. */
    const count = async (method: string, path: string) =>
        (await bed.admin.requests("secondary")).filter((request) => request.method === method && request.path === path)
            .length;
    const replica = async (): Promise<ReplicaState> => {
        const { deployment } = await stack.exportStack();
        const resources = deployment.resources as { type: string; outputs: ReplicaState }[];
        return resources.find((resource) => resource.type.endsWith(":ReplicatedLanguageProject"))!.outputs;
    };
    const clearCounts = async () => {
        bed.storageProxies.secondary.clear();
        await bed.admin.clearRequests("secondary");
    };
    const failsNoChangesGate = (options: { refresh?: boolean } = {}) =>
        stack.preview({ ...options, expectNoChanges: true }).then(
            () => false,
            () => true,
        );

    before(async () => {
        bed = await ReplicationBed.start();
        stack = await bed.openStack(`documents-${process.pid}`, async () => {
            const replica = new ReplicatedLanguageProject(project, {
                ...bed.connections(),
                projectName: project,
                documents: bed.documents(),
            });
            return { deployment: replica.deployment, documents: replica.secondaryDocuments };
        });
    });

    after(async () => {
        await bed?.stop();
    });

    itReadOnly(
        "copies every document into the secondary's storage before importing, and trains from them there",
        async () => {
            printed.recent = "";
            const result = await stack.up({ onOutput });
            expect(copiesToSecondary().sort()).to.deep.equal([
                "movies/plot-01.txt",
                "movies/plot-02.txt",
                "movies/plot-03.txt",
                "movies/plot-04.txt",
            ]);
            expect(printed.recent).to.match(
                /copy: 4 documents not copied yet \(movies\/plot-01.txt, movies\/plot-02.txt, movies\/plot-03.txt, and 1 more\)/,
            );
            // Two Azurite instances cannot copy between each other: the provider says so and streams.
            expect(printed.recent).to.include(
                "(404 CannotVerifyCopySource); the documents are streamed through this process",
            );
            expect(await count("POST", trainPath), "trainings").to.equal(1);
            const documents = result.outputs.documents!.value as ReplicaState["secondaryDocuments"];
            expect(documents).to.include({
                account: "northeuropedocs",
                container: "documents",
                projectContainer: "documents",
            });
            expect(Object.values(documents!.held).every((content) => /^md5:/.test(content))).to.equal(true);
            const onSecondary = await bed.secondaryApi("CustomMultiLabelClassification").send("GET", `/${project}`);
            expect(onSecondary.body).to.include({ storageInputContainerName: "documents" });
            expect(await failsNoChangesGate(), "preview --expect-no-changes fails").to.equal(false);
        },
    );

    itReadOnly("copies nothing and trains nothing on an unchanged resync", async () => {
        await bed.admin.editProject("primary", project, { op: "touch" });
        await clearCounts();
        // Not cleared: the primary's proxy also proves that nothing ever wrote to its storage.
        const primaryBefore = bed.storageProxies.primary.requests().length;
        await stack.up({ onOutput });
        const primaryRequests = bed.storageProxies.primary.requests().slice(primaryBefore);
        expect(
            primaryRequests.map((request) => `${request.method} ${request.comp ?? request.path}`),
            "the primary's storage is listed once by check, no document read",
        ).to.deep.equal(["GET list"]);
        expect(copiesToSecondary(), "documents copied").to.deep.equal([]);
        expect(await count("POST", trainPath), "trainings").to.equal(0);
        expect(await count("POST", importPath), "imports").to.equal(0);
        expect(await failsNoChangesGate()).to.equal(false);
    });

    itReadOnly(
        "shows a document changed on the primary in `preview --diff`, then copies it once and trains once",
        async () => {
            const text = "A pilot fights to land a burning plane while mourning her father, then flies again.";
            await bed
                .documentsContainer("primary")
                .getBlockBlobClient("movies/plot-04.txt")
                .upload(text, Buffer.byteLength(text));
            printed.recent = "";
            // With --diff the engine prints diagnostics (the plan) on stderr.
            const preview = await stack.preview({ diff: true, onOutput, onError: onOutput });
            expect(preview.changeSummary).to.include({ update: 1 });
            expect(printed.recent).to.match(/~ changes\s*: "[^"]*" => "documents ~1 \(movies\/plot-04.txt\)"/);
            expect(printed.recent).to.match(/~ movies\/plot-04.txt: "md5:[^"]+" => "md5:[^"]+"/);
            expect(printed.recent).to.match(
                /plan: copy \(1 document changed on the primary \(movies\/plot-04.txt\)\), then train \(the documents' texts changed \([0-9a-f]{12} -> [0-9a-f]{12}\): candidate production-[0-9a-f]{8}\), then deploy/,
            );
            expect(await failsNoChangesGate(), "the out-of-sync gate fails").to.equal(true);
            await clearCounts();
            await stack.up({ onOutput });
            expect(copiesToSecondary()).to.deep.equal(["movies/plot-04.txt"]);
            expect(await count("POST", trainPath), "trainings").to.equal(1);
            expect(await count("POST", importPath), "imports").to.equal(0);
            const copied = await bed
                .documentsContainer("secondary")
                .getBlobClient("movies/plot-04.txt")
                .downloadToBuffer();
            expect(copied.toString()).to.equal(text);
            expect(await failsNoChangesGate()).to.equal(false);
        },
    );

    itReadOnly(
        "finds a document deleted on the secondary with `refresh`, and restores it without training",
        async () => {
            await bed.documentsContainer("secondary").deleteBlob("movies/plot-01.txt");
            expect(await failsNoChangesGate({ refresh: true }), "the daily check fails").to.equal(true);
            await stack.refresh({ onOutput });
            expect((await replica()).secondaryDocuments!.held["movies/plot-01.txt"]).to.equal("missing");
            printed.recent = "";
            await stack.preview({ onOutput });
            expect(printed.recent).to.include("plan: copy (1 document missing on the secondary (movies/plot-01.txt))");
            await clearCounts();
            await stack.up({ onOutput });
            expect(copiesToSecondary()).to.deep.equal(["movies/plot-01.txt"]);
            expect(await count("POST", trainPath), "trainings").to.equal(0);
            expect(await failsNoChangesGate({ refresh: true })).to.equal(false);
        },
    );

    itReadOnly("trains on the secondary while the primary's storage is down, from the documents it holds", async () => {
        await bed.stopStorage("primary");
        await bed.admin.editProject("primary", project, {
            op: "relabelDocument",
            location: "movies/plot-02.txt",
            classes: ["Drama", "Comedy"],
        });
        printed.recent = "";
        await clearCounts();
        await stack.up({ onOutput });
        expect(printed.recent).to.include(
            "warning: the primary's storage cannot be read, keeping its documents as last observed",
        );
        expect(await count("POST", importPath), "imports").to.equal(1);
        expect(await count("POST", trainPath), "trainings").to.equal(1);
        expect(copiesToSecondary()).to.deep.equal([]);
        const state = await replica();
        expect(state.deployment!.modelId).to.equal(state.trainedModel!.modelId);
        expect(state.trainedModel!.evaluation).to.not.equal(undefined);
        const file = await bed.secondaryApi("CustomMultiLabelClassification").exportProject(project);
        const relabelled = (
            file.assets as { documents: { location: string; classes: { category: string }[] }[] }
        ).documents.find((document) => document.location === "movies/plot-02.txt");
        expect(relabelled!.classes.map((label) => label.category).sort()).to.deep.equal(["Comedy", "Drama"]);
        expect(await failsNoChangesGate()).to.equal(false);
    });

    itReadOnly("keeps the storage keys out of the state files, the CLI output and the outputs", async () => {
        const outputs = JSON.stringify(await stack.outputs());
        const state = readTree(bed.stateDir);
        for (const key of emulatorKeys) {
            expect(state, "state files").not.to.include(key);
            expect(printed.all, "CLI output").not.to.include(key);
            expect(outputs, "stack outputs").not.to.include(key);
        }
    });
});
