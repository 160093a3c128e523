import { expect } from "chai";
import { check } from "../../../provider/lifecycle/check";
import { create } from "../../../provider/lifecycle/create";
import { ReplicationError } from "../../../provider/lifecycle/replication-error";
import { update } from "../../../provider/lifecycle/update";
import { travelClu } from "../../../stacks/local/samples/travel-clu";
import { failureOf } from "../../support/failure-of";
import { InProcessEmulator } from "../../support/in-process-emulator";

const project = travelClu.file.metadata.projectName;

/**
 * applyReplication as create and update run it, against the emulator in process: what a failed
 * step leaves for the next run, and what a finished run records of the sync.
 */
describe("apply replication", () => {
    let emulator: InProcessEmulator;
    let logged: string[];
    const consoleLog = console.log;

    beforeEach(async () => {
        emulator = new InProcessEmulator({ jobTiming: { mode: "afterPolls", polls: 2 } });
        await emulator.seedTravelSample();
        emulator.guardPrimary();
        logged = [];
        console.log = (line: string) => logged.push(line);
    });

    afterEach(() => {
        console.log = consoleLog;
    });

    const declared = (overrides: Record<string, unknown> = {}) => ({
        primary: emulator.connection("primary"),
        secondary: emulator.connection("secondary"),
        projectName: project,
        polling: { initialIntervalMs: 100, maxIntervalMs: 1000 },
        __provider: "serialized shim",
        __urn: "",
        ...overrides,
    });

    async function checked(overrides: Record<string, unknown> = {}) {
        const result = await check({}, declared(overrides), emulator.io);
        expect(result.failures ?? []).to.deep.equal([]);
        return result.inputs!;
    }

    async function failedCreate(overrides: Record<string, unknown> = {}) {
        const failure = await failureOf(create(await checked(overrides), emulator.io));
        expect(failure).to.be.instanceOf(ReplicationError);
        return failure as ReplicationError;
    }

    const prefix = `replicating ${project} -> ${project}: `;

    describe("a failed step", () => {
        it("names the step and what completed, says to run again, and forgets a job that ended badly", async () => {
            await emulator.admin.addFault({
                resource: "secondary",
                path: ":train$",
                fault: { kind: "failJob", code: "InternalServerError", message: "training broke" },
            });
            const failure = await failedCreate();

            expect(failure.message).to.match(
                new RegExp(
                    `^${prefix}train failed: .*training broke.* \\(completed import; run pulumi up again to continue\\)$`,
                ),
            );
            expect(failure.id).to.equal(`${emulator.url}/secondary#${project}`);
            // What the dynamic-provider host reports to the engine as the partial failure's reasons.
            expect(failure.reasons).to.deep.equal([failure.message]);
            expect(failure.name).to.equal("ReplicationError");
            expect(failure.properties.importedContentHash).to.be.a("string");
            expect(failure.properties).to.not.have.property("pendingJob");
            expect(failure.properties).to.include({ __provider: "serialized shim" });
            expect(logged.some((line) => line.includes("train: "))).to.equal(true);
        });

        it("lists every step that completed before it", async () => {
            await emulator.admin.addFault({
                resource: "secondary",
                method: "PUT",
                path: "/deployments/[^/]+$",
                fault: { kind: "failJob", code: "InternalServerError", message: "deploy broke" },
            });
            const failure = await failedCreate();
            expect(failure.message).to.match(/ \(completed import, train; run pulumi up again to continue\)$/);
        });

        it("of the first step says only to run again", async () => {
            await emulator.admin.addFault({
                resource: "secondary",
                path: ":import$",
                fault: { kind: "failJob", code: "InternalServerError", message: "import broke" },
            });
            const failure = await failedCreate();
            expect(failure.message).to.match(
                new RegExp(`^${prefix}import failed: .*\\(run pulumi up again to continue\\)$`),
            );
            expect(failure.message).to.not.include("completed");
        });

        it("keeps a job that may still finish (its wait ran out) for the next run to adopt", async () => {
            await emulator.admin.addFault({ resource: "secondary", path: ":train$", fault: { kind: "hangJob" } });
            const failure = await failedCreate({ timeoutMinutes: { train: 1 } });
            expect(failure.message).to.match(new RegExp(`^${prefix}train failed: `));
            expect(failure.properties.pendingJob).to.include({ step: "train" });
        });

        it("forgets a job whose status the service no longer has (its status URL is gone)", async () => {
            await emulator.admin.addFault({
                resource: "secondary",
                path: "/train/jobs/",
                fault: { kind: "echoRequest", status: 404, times: 50 },
            });
            const failure = await failedCreate();
            expect(failure.message).to.match(new RegExp(`^${prefix}train failed: `));
            expect(failure.properties).to.not.have.property("pendingJob");
        });

        it("keeps a job whose status the service could not tell (a retryable error)", async () => {
            await emulator.admin.addFault({
                resource: "secondary",
                path: "/train/jobs/",
                fault: { kind: "status", status: 503, times: 50 },
            });
            const failure = await failedCreate();
            expect(failure.properties.pendingJob).to.include({ step: "train" });
        });

        it("that is blocked does not say to run again: only new inputs help", async () => {
            const failure = await failedCreate({ servingModel: "travel-nonexistent" });
            expect(failure.message).to.match(new RegExp(`^${prefix}deploy failed: .* \\(completed import\\)$`));
            expect(failure.message).to.not.include("run pulumi up again");
        });
    });

    describe("a finished run", () => {
        it("records the revision it caught up with, when, and the secondary's state after it", async () => {
            const inputs = await checked({ rateLimits: { readsPerMinute: 600, writesPerMinute: 60 } });
            const created = await create(inputs, emulator.io);
            const outs = created.outs!;

            expect(outs.syncedRevision).to.deep.equal({
                lastModifiedDateTime: (inputs.primaryRevision as { lastModifiedDateTime: string }).lastModifiedDateTime,
                contentHash: outs.importedContentHash,
            });
            expect(outs.lastSyncedAt).to.equal(new Date(emulator.clock.now()).toISOString());
            expect(outs.importedLastModifiedDateTime).to.equal(outs.secondaryProject.lastModifiedDateTime);
            expect(outs.rateLimits).to.deep.equal({ readsPerMinute: 600, writesPerMinute: 60 });
            expect(outs).to.not.have.property("servingPin");
            const plans = logged.filter((line) => line.includes("plan: import"));
            expect(plans).to.have.length(1);
            expect(plans[0]).to.match(/plan: import \(.+\), then train \(.+\), then deploy \(.+\)$/);
        });

        it("that found nothing to do says the replica is in sync and keeps when it last synced", async () => {
            const inputs = await checked();
            const created = await create(inputs, emulator.io);
            emulator.clock.advance(60_000);
            logged.length = 0;

            const again = await update(created.id, created.outs!, inputs, emulator.io);

            expect(logged).to.deep.equal([`[${project} -> ${project}] the replica is in sync`]);
            expect(again.outs!.lastSyncedAt).to.equal(created.outs!.lastSyncedAt);
            expect(again.outs!.syncedRevision).to.deep.equal(created.outs!.syncedRevision);
        });

        it("records a sync it has no record of, even when nothing needed doing", async () => {
            const inputs = await checked();
            const { syncedRevision: _unrecorded, ...created } = (await create(inputs, emulator.io)).outs!;
            emulator.clock.advance(60_000);

            const again = await update(`${emulator.url}/secondary#${project}`, created, inputs, emulator.io);

            expect(again.outs!.lastSyncedAt).to.equal(new Date(emulator.clock.now()).toISOString());
            expect(again.outs!.syncedRevision).to.include({ contentHash: created.importedContentHash });
        });

        it("with a promotion gate, watches the staging deployment too: in sync, the next up writes nothing", async () => {
            const inputs = await checked({ promotion: { minMicroF1: 0 } });
            const created = await create(inputs, emulator.io);
            expect(created.outs!.stagingDeployment).to.include({ name: `${inputs.deploymentName}-staging` });
            emulator.forget();

            const again = await update(created.id, created.outs!, inputs, emulator.io);

            expect(emulator.requestsTo("secondary").filter((line) => !line.startsWith("GET"))).to.deep.equal([]);
            expect(again.outs!.stagingDeployment).to.deep.equal(created.outs!.stagingDeployment);
        });

        it("pins a model asked for by label, and lets go of the pin when the latest is asked for again", async () => {
            const inputs = await checked();
            const created = await create(inputs, emulator.io);
            const label = created.outs!.trainedModel.label as string;

            const pinned = await update(created.id, created.outs!, { ...inputs, servingModel: label }, emulator.io);
            expect(pinned.outs!.servingPin).to.deep.equal({ request: label, label });

            const latest = await update(created.id, pinned.outs!, inputs, emulator.io);
            expect(latest.outs).to.not.have.property("servingPin");
        });
    });

    describe("a run after an interrupted one", () => {
        const writesTo = (resource: string) => emulator.requestsTo(resource).filter((line) => !line.startsWith("GET"));

        /** A create whose wait for a job failed with the service unavailable: the job goes on. */
        async function interruptedAt(jobs: string) {
            await emulator.admin.addFault({
                resource: "secondary",
                path: jobs,
                fault: { kind: "status", status: 503, times: 50 },
            });
            const inputs = await checked();
            const failure = await failedCreate();
            await emulator.admin.clearFaults();
            emulator.forget();
            return { inputs, failure, olds: failure.properties };
        }

        it("waits for the import the interrupted run started instead of importing again", async () => {
            const { inputs, olds } = await interruptedAt("/import/jobs/");
            expect(olds.pendingJob).to.include({ step: "import", target: project });
            const again = await update(`${emulator.url}/secondary#${project}`, olds, inputs, emulator.io);
            expect(writesTo("secondary").filter((line) => line.endsWith(":import"))).to.deep.equal([]);
            expect(again.outs!.importedContentHash).to.equal((olds.pendingJob as { contentHash: string }).contentHash);
        });

        it("waits for the training the interrupted run started instead of training again", async () => {
            const { inputs, olds } = await interruptedAt("/train/jobs/");
            const again = await update(`${emulator.url}/secondary#${project}`, olds, inputs, emulator.io);
            expect(writesTo("secondary").filter((line) => line.endsWith(":train"))).to.deep.equal([]);
            expect(again.outs!.deployment.modelId).to.equal(again.outs!.trainedModel.modelId);
        });

        it("waits for the deployment the interrupted run started, recorded with its deployment and model", async () => {
            const { inputs, olds } = await interruptedAt("/deployments/[^/]+/jobs/");
            const label = (olds.keptModels as { label: string }[])[0]!.label;
            expect(olds.pendingJob).to.include({
                step: "deploy",
                target: `${inputs.deploymentName} <- ${label}`,
                contentHash: olds.importedContentHash,
            });
            const again = await update(`${emulator.url}/secondary#${project}`, olds, inputs, emulator.io);
            expect(writesTo("secondary").filter((line) => line.includes("/deployments/"))).to.deep.equal([]);
            expect(again.outs!.trainedModel.label).to.equal(label);
        });

        /** A replica created, and the inputs of an up after it (its revision fingerprinted, as check leaves it once exported). */
        async function createdReplica() {
            const first = await checked();
            const outs = (await create(first, emulator.io)).outs!;
            const revision = { ...(first.primaryRevision as object), contentHash: outs.importedContentHash };
            return { created: outs, inputs: { ...first, primaryRevision: revision } };
        }

        it("records an import the interrupted run made but did not record, without importing again", async () => {
            const { created, inputs } = await createdReplica();
            emulator.forget();
            logged.length = 0;
            const lost = {
                ...created,
                importedContentHash: "sha256-items:lost",
                importedLastModifiedDateTime: "2000-01-01T00:00:00Z",
            };

            const again = await update(created.id, lost, inputs, emulator.io);

            expect(writesTo("secondary").filter((line) => line.endsWith(":import"))).to.deep.equal([]);
            expect(logged.some((line) => line.includes("already holds this content"))).to.equal(true);
            expect(again.outs!.importedContentHash).to.equal(created.importedContentHash);
            expect(again.outs!.importedLastModifiedDateTime).to.equal(created.importedLastModifiedDateTime);
        });

        it("imports when the secondary moved but holds other content than the primary's", async () => {
            const { created, inputs } = await createdReplica();
            await emulator.admin.editProject("primary", project, { op: "removeUtterance", text: "fly to Haneda" });
            const planned = (await check(inputs, declared(), emulator.io)).inputs!;
            emulator.forget();
            const moved = { ...created, importedLastModifiedDateTime: "2000-01-01T00:00:00Z" };

            const again = await update(created.id, moved, planned, emulator.io);

            expect(writesTo("secondary").filter((line) => line.endsWith(":import"))).to.have.length(1);
            expect(again.outs!.importedContentHash).to.equal(
                (planned.primaryRevision as { contentHash: string }).contentHash,
            );
        });

        it("imports again when the secondary did not move since the import recorded", async () => {
            const { created, inputs } = await createdReplica();
            emulator.forget();
            const stale = { ...created, importedContentHash: "sha256-items:0000" };
            emulator.clock.advance(60_000);

            const again = await update(created.id, stale, inputs, emulator.io);

            expect(writesTo("secondary").filter((line) => line.endsWith(":import"))).to.have.length(1);
            expect(emulator.requestsTo("secondary").filter((line) => line.endsWith(":export"))).to.deep.equal([]);
            expect(again.outs!.importedContentHash).to.equal(created.importedContentHash);
            expect(again.outs!.lastSyncedAt, "a run that changed the replica synced it").to.equal(
                new Date(emulator.clock.now()).toISOString(),
            );
        });

        it("stops before training when the primary changed again while the update ran", async () => {
            const inputs = await checked();
            const created = (await create(inputs, emulator.io)).outs!;
            await emulator.admin.editProject("primary", project, {
                op: "changeSettings",
                settings: { confidenceThreshold: 0.7 },
            });
            const planned = (await check(inputs, declared(), emulator.io)).inputs!;
            await emulator.admin.editProject("primary", project, {
                op: "changeSettings",
                settings: { confidenceThreshold: 0.6 },
            });
            emulator.forget();

            const failure = (await failureOf(update(created.id, created, planned, emulator.io))) as ReplicationError;

            expect(failure.message)
                .to.include("import failed: the primary's content changed while this update ran")
                .and.include("the new content is imported: run pulumi up again to train it");
            expect(writesTo("secondary").filter((line) => line.endsWith(":train"))).to.deep.equal([]);
            expect(failure.properties.importedContentHash).to.not.equal(
                (planned.primaryRevision as { contentHash: string }).contentHash,
            );
            expect(failure.properties).to.not.have.property("pendingJob");
        });
    });
});
