import { expect } from "chai";
import { deleteReplica } from "../../../provider/operations/delete-replica";
import type { InProcessEmulator } from "../../support/in-process-emulator";
import { authoringClientOf, project, recordingContext, seededEmulator } from "../../support/operation-bed";

const projectPath = `/language/authoring/analyze-conversations/projects/${project}`;

describe("deleteReplica: the deployment, then the project, skipping what is gone", () => {
    let emulator: InProcessEmulator;

    beforeEach(async () => {
        emulator = await seededEmulator(["primary", "secondary"]);
    });

    const deletions = () => emulator.requestsTo("secondary").filter((line) => line.startsWith("DELETE"));

    it("deletes the deployment first, then the project, on the secondary alone, saying so", async () => {
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        await deleteReplica(secondary, project, "production", context);
        expect(deletions()).to.deep.equal([`DELETE ${projectPath}/deployments/production`, `DELETE ${projectPath}`]);
        const where = secondary.transport.resourceLabel;
        expect(context.logged).to.deep.equal([
            `deleting deployment "production" of "${project}" on ${where}`,
            `deleting project "${project}" on ${where}`,
        ]);
        // Each deletion job's progress is named after what it deletes.
        for (const what of [`deployment "production" of "${project}"`, `project "${project}"`]) {
            const done = `deleting ${what} on ${where}: succeeded`;
            expect(
                context.progressed.some((line) => line.startsWith(done)),
                done,
            ).to.equal(true);
        }
        expect(await secondary.findProject(project)).to.equal(undefined);
        expect(emulator.requestsTo("primary")).to.deep.equal([]);
    });

    it("does nothing when the replica is already gone", async () => {
        const secondary = authoringClientOf(emulator, "secondary");
        await deleteReplica(secondary, project, "production", recordingContext(emulator.clock));
        emulator.forget();
        const context = recordingContext(emulator.clock);
        await deleteReplica(secondary, project, "production", context);
        expect(deletions()).to.deep.equal([]);
        expect(context.logged).to.deep.equal([]);
    });

    it("deletes a project whose deployment is already gone", async () => {
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        await deleteReplica(secondary, project, "never-deployed", context);
        expect(deletions()).to.deep.equal([`DELETE ${projectPath}`]);
        expect(context.logged).to.have.length(1);
    });
});
