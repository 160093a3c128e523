import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { localProgram } from "../../stacks/local/program";
import { sampleProjects } from "../../stacks/local/samples";
import { cliEcho } from "../support/cli-echo";
import { readTree } from "../support/read-tree";
import { emulatorKeys, ReplicationBed } from "../support/replication-bed";
import { itLeavingPrimaryAlone } from "../support/primary-guard";

/** Edits a user makes in Language Studio, one per project kind. */
const edits = {
    "travel-clu": { op: "addUtterance", utterance: { text: "fly me to Tokyo on sunday", intent: "BookFlight" } },
    "travel-orchestrator": { op: "addUtterance", utterance: { text: "change my flight", intent: "Travel" } },
    "support-tickets": { op: "addClass", category: "Shipping" },
    "movie-genres": { op: "removeDocument", location: "movies/plot-04.txt" },
    "contract-entities": { op: "addEntity", entity: { category: "Term" } },
} as const;

/** What preview --diff must say changed, per project. */
const expectedChanges: Record<keyof typeof edits, RegExp> = {
    "travel-clu": /utterances \+1 \(\\"fly me to Tokyo on sunday\\" \(BookFlight\)\)/,
    "travel-orchestrator": /utterances \+1 \(\\"change my flight\\" \(Travel\)\)/,
    "support-tickets": /classes \+1 \(Shipping\)/,
    "movie-genres": /documents -1 \(movies\/plot-04.txt\)/,
    "contract-entities": /entities \+1 \(Term\)/,
};

describe("ReplicatedLanguageProject under the real Pulumi engine, against the emulator", function () {
    this.timeout(4 * 60_000);
    const itReadOnly = itLeavingPrimaryAlone(() => bed);

    let bed: ReplicationBed;
    let stack: Stack;
    let printed = "";
    /** Everything the CLI printed in this suite, never reset: the key check reads it all. */
    let everything = "";
    const stackName = `replication-${process.pid}`;
    const echo = cliEcho();
    const onOutput = (text: string) => ((printed += text), (everything += text), echo(text));

    before(async () => {
        bed = await ReplicationBed.start();
        stack = await bed.openStack(stackName, async () => localProgram(bed.resources()));
    });

    after(async () => {
        await bed?.stop();
    });

    itReadOnly("replicates every project kind with `up`: exported, imported, trained and deployed", async () => {
        const result = await stack.up({ onOutput });
        expect(result.summary.resourceChanges).to.include({ create: sampleProjects.length + 1 });
        for (const sample of sampleProjects) {
            const { projectName, projectKind } = sample.file.metadata;
            const replica = result.outputs[projectName]!.value as { kind: string; deployment: string };
            expect(replica.kind).to.equal(projectKind);
            expect(replica.deployment).to.match(/^production serves production-/);
            const deployment = await bed
                .secondaryApi(projectKind)
                .send("GET", `/${projectName}/deployments/production`);
            expect(deployment.status, `${projectName} is deployed on the secondary`).to.equal(200);
        }
        expect(printed).to.match(
            /training project "travel-clu" on [^:]+:\d+\/secondary: (running|succeeded) \d+% \(job [0-9a-f-]+_\d+\)/,
        );
        expect(await primaryExports(bed), "exports of the primary per create").to.deep.equal(oncePerProject);
    });

    itReadOnly("converges: `preview --expect-no-changes` passes", async () => {
        await stack.preview({ expectNoChanges: true, onOutput });
    });

    itReadOnly(
        "an in-sync `up` is no change; then a preview reads each primary once at most, the secondary not at all",
        async () => {
            // That `up` keeps what its checks read of the secondary's deployments: the daily preview relies on it.
            const result = await stack.up({ onOutput });
            expect(result.summary.resourceChanges).to.deep.equal({ same: sampleProjects.length + 1 });
            await bed.admin.clearRequests();
            await stack.preview({ expectNoChanges: true });
            const sent = async (resource: string) =>
                (await bed.admin.requests(resource)).map((request) => `${request.method} ${request.path}`);
            expect(await sent("secondary")).to.deep.equal([]);
            // Per family, one project is read alone and the listing answers for the others.
            const listings = (await sent("primary")).map((request) =>
                request.replace(/\/projects\/[^?]+/, "/projects/{p}"),
            );
            expect(listings.sort()).to.deep.equal([
                "GET /language/authoring/analyze-conversations/projects",
                "GET /language/authoring/analyze-conversations/projects/{p}",
                "GET /language/authoring/analyze-text/projects",
                "GET /language/authoring/analyze-text/projects/{p}",
            ]);
        },
    );

    itReadOnly("keeps the replicas and the stack operable while the primary's region is down", async () => {
        // One project is enough to show it (each unreachable project costs the client's retries, ~15 s).
        await bed.admin.addFault({
            resource: "primary",
            path: "/projects/travel-clu(/.*)?$",
            fault: { kind: "status", status: 503, times: 10_000 },
        });
        printed = "";
        try {
            await stack.preview({ expectNoChanges: true, onOutput });
        } finally {
            await bed.admin.clearFaults();
        }
        // A warning on the replica's own row, not a line of the stack's.
        expect(printed).to.match(
            /ReplicatedLanguageProject \(travel-clu\):\n\s+warning: the primary cannot be read, keeping the replica as last synced/,
        );
    });

    itReadOnly("shows a pending resync in `preview --diff`: the new revision and what changed", async () => {
        for (const [project, edit] of Object.entries(edits))
            await bed.admin.editProject("primary", project, edit as never);
        printed = "";
        const preview = await stack.preview({ diff: true, onOutput });
        expect(preview.changeSummary).to.include({ update: sampleProjects.length });
        expect(printed).to.match(/~ lastModifiedDateTime: "[^"]+" => "[^"]+"/);
        // The first change after the create adds the hash: check exports nothing for a replica that does not exist yet.
        expect(printed).to.match(/\+ contentHash\s*: "sha256-items:[0-9a-f]{64}"/);
        for (const [project, change] of Object.entries(expectedChanges)) {
            expect(printed, `${project}'s change`).to.match(change);
        }
        const gate = await stack.preview({ expectNoChanges: true }).then(
            () => "passed",
            () => "failed",
        );
        expect(gate, "the out-of-sync gate").to.equal("failed");
    });

    itReadOnly("resyncs with `up`, exporting each primary once, and converges again", async () => {
        await bed.admin.clearRequests("primary");
        const result = await stack.up({ onOutput });
        expect(result.summary.resourceChanges).to.include({ update: sampleProjects.length });
        // check exported the primary and kept the file; the update imported that file.
        expect(await primaryExports(bed), "exports of the primary per update").to.deep.equal(oncePerProject);
        const classes = await exportedAssets(bed, "support-tickets");
        expect(classes).to.deep.include({ category: "Shipping" });
        await stack.preview({ expectNoChanges: true, onOutput });
    });

    itReadOnly("does not retrain when the primary was saved without content changes", async () => {
        await bed.admin.editProject("primary", "travel-clu", { op: "touch" });
        await bed.admin.clearRequests("secondary");
        const preview = await stack.preview({ diff: true });
        expect(preview.changeSummary).to.include({ update: 1 });
        await stack.up({ onOutput });
        const writes = (await bed.admin.requests("secondary")).filter((request) => request.method !== "GET");
        expect(writes.map((request) => `${request.method} ${request.path}`)).to.deep.equal([]);
        await stack.preview({ expectNoChanges: true });
    });

    itReadOnly(
        "fails the daily check (`preview --refresh --expect-no-changes`) on a deleted secondary deployment, saying why",
        async () => {
            const api = bed.secondaryApi("Conversation");
            await api.run("DELETE", "/travel-clu/deployments/production");
            const gate = await stack.preview({ refresh: true, expectNoChanges: true, onOutput }).then(
                () => "passed",
                () => "failed",
            );
            expect(gate, "the daily check").to.equal("failed");
            printed = "";
            // With --diff the engine prints diagnostics on stderr.
            await stack.preview({ refresh: true, diff: true, onOutput, onError: onOutput });
            // The drift as a property change (the deployment and the model it served, gone), then the plan's reason.
            expect(printed).to.match(/- deployment\s*: \{[^}]*- modelId\s*: "production-[^"]+"/);
            expect(printed).to.match(
                /plan: deploy \(deployment "production" does not exist on the secondary: production-[0-9a-f]{8}\)/,
            );
        },
    );

    itReadOnly("reflects what the secondary holds after `refresh`, and redeploys with `up`", async () => {
        const api = bed.secondaryApi("Conversation");
        await stack.refresh({ onOutput });
        const resources = (await stack.exportStack()).deployment.resources as { urn: string; outputs?: object }[];
        const replica = resources.find((resource) => resource.urn.endsWith("::travel-clu"))!;
        // The deployment is gone, and so is the serving model it named; the model itself is still kept.
        expect(replica.outputs, "outputs after refresh").not.to.have.property("deployment");
        expect(replica.outputs).not.to.have.property("trainedModel");
        expect(replica.outputs)
            .to.have.nested.property("keptModels[0].label")
            .that.matches(/^production-[0-9a-f]{8}$/);
        printed = "";
        const preview = await stack.preview({ onOutput });
        expect(preview.changeSummary).to.include({ update: 1 });
        expect(printed).to.match(
            /ReplicatedLanguageProject \(travel-clu\):\n\s+plan: deploy \(deployment "production" does not exist on the secondary: production-[0-9a-f]{8}\)/,
        );
        await bed.admin.clearRequests("secondary");
        await stack.up({ onOutput });
        const writes = (await bed.admin.requests("secondary")).filter((request) => request.method !== "GET");
        expect(writes.map((request) => `${request.method} ${request.path}`)).to.deep.equal([
            "PUT /language/authoring/analyze-conversations/projects/travel-clu/deployments/production",
        ]);
        expect((await api.send("GET", "/travel-clu/deployments/production")).status).to.equal(200);
    });

    itReadOnly("keeps the keys out of the state files, the CLI output and the outputs", async () => {
        const outputs = JSON.stringify(await stack.outputs());
        const state = readTree(bed.stateDir);
        for (const key of emulatorKeys) {
            expect(state, "state files").not.to.include(key);
            expect(everything, "CLI output").not.to.include(key);
            expect(outputs, "stack outputs").not.to.include(key);
        }
    });

    itReadOnly("removes every replica with `destroy`, leaving the primary as it was", async () => {
        const result = await stack.destroy({ onOutput });
        expect(result.summary.resourceChanges).to.include({ delete: sampleProjects.length + 1 });
        for (const sample of sampleProjects) {
            const { projectName, projectKind } = sample.file.metadata;
            expect((await bed.secondaryApi(projectKind).send("GET", `/${projectName}`)).status).to.equal(404);
        }
    });
});

/** One export of each sample project. */
const oncePerProject = Object.fromEntries(sampleProjects.map((sample) => [sample.file.metadata.projectName, 1]));

/** How many times each project was exported from the primary, from the emulator's request log. */
async function primaryExports(bed: ReplicationBed): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const request of await bed.admin.requests("primary")) {
        const project = /\/projects\/([^/]+)\/:export$/.exec(request.path)?.[1];
        if (request.method === "POST" && project) counts[project] = (counts[project] ?? 0) + 1;
    }
    return counts;
}

/** The assets of a project on the secondary, exported with plain HTTP. */
async function exportedAssets(bed: ReplicationBed, project: string): Promise<unknown[]> {
    const api = bed.secondaryApi("CustomSingleLabelClassification");
    const file = await api.exportProject(project);
    return (file.assets as { classes: unknown[] }).classes;
}
