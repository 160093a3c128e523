import { expect } from "chai";
import type { ProjectEdit } from "../../../emulator";
import { check } from "../../../provider/lifecycle/check";
import { create } from "../../../provider/lifecycle/create";
import { remove } from "../../../provider/lifecycle/delete";
import { diff } from "../../../provider/lifecycle/diff";
import { read } from "../../../provider/lifecycle/read";
import { update } from "../../../provider/lifecycle/update";
import { travelClu } from "../../../stacks/local/samples/travel-clu";
import { InProcessEmulator } from "../../support/in-process-emulator";

const project = travelClu.file.metadata.projectName;
const projectPath = `/language/authoring/analyze-conversations/projects/${project}`;

/**
 * The lifecycle as the engine drives it (check, diff, create, update, read, delete), against the
 * real emulator in process on a fake clock: a whole replication in milliseconds, with the primary
 * and the secondary as distinct resources and any write to the primary failing the test.
 */
describe("lifecycle methods against the emulator in process", () => {
    let emulator: InProcessEmulator;
    let logged: string[];
    const consoleLog = console.log;

    beforeEach(async () => {
        emulator = new InProcessEmulator({ jobTiming: { mode: "afterPolls", polls: 2 } });
        await emulator.seedTravelSample();
        emulator.guardPrimary();
        emulator.forget();
        // The provider logs to stdout outside the engine; the lines are part of what is checked.
        logged = [];
        console.log = (line: string) => logged.push(line);
    });

    afterEach(() => {
        console.log = consoleLog;
    });

    /** `it`, failing when anything tried to change the primary, even a write the provider swallowed. */
    const itLeavingPrimaryAlone = (title: string, body: () => Promise<void>) =>
        it(title, async () => {
            await body();
            expect(emulator.primaryWrites, "requests that would have changed the primary").to.deep.equal([]);
        });

    const declared = (overrides: Record<string, unknown> = {}) => ({
        primary: emulator.connection("primary"),
        secondary: emulator.connection("secondary"),
        projectName: project,
        polling: { initialIntervalMs: 100, maxIntervalMs: 1000 },
        __provider: "serialized shim",
        ...overrides,
    });

    /** `pulumi up` of a new replica: check, then create. */
    async function up(news = declared()) {
        const checked = await check({}, news, emulator.io);
        expect(checked.failures ?? []).to.deep.equal([]);
        const created = await create(checked.inputs!, emulator.io);
        return { inputs: checked.inputs!, id: created.id, outs: created.outs! };
    }

    /** A later `pulumi up`: check against the old inputs, diff against the state, update when it changed. */
    async function upAgain(previous: Awaited<ReturnType<typeof up>>, news = declared()) {
        const checked = await check(previous.inputs, news, emulator.io);
        const changed = await diff(previous.id, previous.outs, checked.inputs!);
        const outs = changed.changes
            ? (await update(previous.id, previous.outs, checked.inputs!, emulator.io)).outs!
            : previous.outs;
        return { ...previous, inputs: checked.inputs!, outs, changed };
    }

    const writesTo = (resource: string) => emulator.requestsTo(resource).filter((line) => !line.startsWith("GET"));

    itLeavingPrimaryAlone(
        "create exports the primary once and imports, trains and deploys into the secondary only",
        async () => {
            const replica = await up();

            expect(emulator.requestsTo("primary").filter((line) => line.startsWith("POST"))).to.deep.equal([
                `POST ${projectPath}/:export`,
            ]);
            const writes = writesTo("secondary").map((line) => line.replace(/\/deployments\/.*$/, "/deployments/…"));
            expect(writes).to.deep.equal([
                `POST ${projectPath}/:import`,
                `POST ${projectPath}/:train`,
                `PUT ${projectPath}/deployments/…`,
            ]);
            expect(replica.id).to.equal(`${emulator.url}/secondary#${project}`);
            expect(replica.outs.deployment).to.include({ name: replica.inputs.deploymentName });
            expect(replica.outs.trainedModel.label).to.match(new RegExp(`^${replica.inputs.modelLabel}-[0-9a-f]{8}$`));
            expect(replica.outs.deployment.modelId).to.equal(replica.outs.trainedModel.modelId);
            expect(logged.some((line) => line.includes("plan: import"))).to.equal(true);
        },
    );

    itLeavingPrimaryAlone(
        "an up with nothing changed on the primary reads, plans nothing and writes nothing",
        async () => {
            const replica = await up();
            emulator.forget();

            const again = await upAgain(replica);

            expect(again.changed).to.deep.equal({});
            expect(writesTo("secondary")).to.deep.equal([]);
            expect(writesTo("primary")).to.deep.equal([]);
        },
    );

    const edits: [string, ProjectEdit, string][] = [
        [
            "an utterance relabelled",
            { op: "relabelUtterance", text: "cancel booking AB123456", intent: "Greeting" },
            'utterances ~1 ("cancel booking AB123456" (Greeting))',
        ],
        [
            "an entity label moved",
            { op: "moveEntityLabel", item: "fly to Haneda", category: "City", offset: 0, length: 3 },
            'utterances ~1 ("fly to Haneda" (BookFlight))',
        ],
        [
            "the project settings changed",
            { op: "changeSettings", settings: { confidenceThreshold: 0.7 } },
            "settings ~1 (confidenceThreshold)",
        ],
    ];
    for (const [what, edit, named] of edits) {
        itLeavingPrimaryAlone(
            `${what} on the primary is a pending resync that imports, trains and deploys once`,
            async () => {
                const replica = await up();
                await emulator.admin.editProject("primary", project, edit);
                emulator.forget();

                const again = await upAgain(replica);

                expect(again.inputs.primaryRevision.contentHash).to.not.equal(
                    replica.inputs.primaryRevision.contentHash,
                );
                expect(again.inputs.primaryRevision.changes).to.equal(named);
                expect(again.changed.changes).to.equal(true);
                const writes = writesTo("secondary").map((line) => line.split(" ")[1]!.split("/").pop());
                expect(writes.filter((tail) => tail === ":import" || tail === ":train")).to.deep.equal([
                    ":import",
                    ":train",
                ]);
                expect(again.outs.trainedModel.label).to.not.equal(replica.outs.trainedModel.label);
            },
        );
    }

    itLeavingPrimaryAlone(
        "read sees a deployment deleted on the secondary, and the next diff plans its redeploy",
        async () => {
            const replica = await up();
            const deploymentPath = `${projectPath}/deployments/${replica.inputs.deploymentName}`;
            const deployment = `${emulator.url}/secondary${deploymentPath}?api-version=2023-04-01`;
            const key = { "ocp-apim-subscription-key": emulator.connection("secondary").key };
            const deleted = await emulator.send({ method: "DELETE", url: deployment, headers: key, timeoutMs: 1000 });
            expect(deleted.status, deleted.text).to.equal(202);
            // The emulator's jobs advance as they are polled, like a user waiting on the operation.
            for (let poll = 0; poll < 5; poll++) {
                const job = await emulator.send({
                    method: "GET",
                    url: deleted.headers["operation-location"]!,
                    headers: key,
                    timeoutMs: 1000,
                });
                if (JSON.parse(job.text).status === "succeeded") break;
            }
            emulator.forget();

            const refreshed = await read(replica.id, replica.outs, emulator.io);

            expect(refreshed.props!.deployment).to.equal(undefined);
            expect(await diff(replica.id, refreshed.props!, replica.inputs)).to.deep.equal({ changes: true });
            expect(writesTo("secondary"), "refresh and diff only read").to.deep.equal([]);
        },
    );

    itLeavingPrimaryAlone(
        "delete removes the replica's project from the secondary; retain leaves it serving",
        async () => {
            const kept = await up(declared({ onDelete: "retain" }));
            emulator.forget();
            await remove(kept.id, kept.outs, emulator.io);
            expect(emulator.requestsTo("secondary")).to.deep.equal([]);

            await remove(kept.id, { ...kept.outs, onDelete: "delete" }, emulator.io);
            expect(writesTo("secondary")).to.include(`DELETE ${projectPath}`);
            const gone = await read(kept.id, kept.outs, emulator.io);
            expect(gone.props!.secondaryProject).to.equal(undefined);
        },
    );

    itLeavingPrimaryAlone(
        "a failed step names the step and keeps the secondary's key out of the error and the state it carries",
        async () => {
            await emulator.admin.addFault({
                resource: "secondary",
                path: ":train$",
                fault: { kind: "echoRequest", status: 400, times: 1 },
            });
            const checked = await check({}, declared(), emulator.io);

            const failure = await create(checked.inputs!, emulator.io).then(
                () => expect.fail("create should have failed"),
                (error: Error & { properties?: unknown }) => error,
            );

            expect(failure.message)
                .to.match(/train failed/)
                .and.include("completed import");
            const key = emulator.connection("secondary").key;
            expect(failure.message).to.not.include(key);
            expect(logged.join("\n")).to.not.include(key);
        },
    );
});
