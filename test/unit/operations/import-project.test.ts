import { expect } from "chai";
import { awaitImport, startImport } from "../../../provider/operations/import-project";
import { travelClu } from "../../../stacks/local/samples/travel-clu";
import { authoringClientOf, recordingContext, seededEmulator } from "../../support/operation-bed";

describe("import-project: a project file imported under the replica's name", () => {
    it("imports the file into the secondary under another name, saying so", async () => {
        const emulator = await seededEmulator([]);
        const secondary = authoringClientOf(emulator, "secondary");
        const context = recordingContext(emulator.clock);
        const { statusUrl } = await startImport(secondary, "travel-replica", travelClu.file);
        await awaitImport(secondary, "travel-replica", statusUrl, context);
        expect((await secondary.getProject("travel-replica")).projectName).to.equal("travel-replica");
        expect(await secondary.findProject(travelClu.file.metadata.projectName)).to.equal(undefined);
        expect(travelClu.file.metadata.projectName, "the file itself is left as it was").to.equal("travel-clu");
        expect(context.progressed.at(-1)).to.match(
            new RegExp(`^importing project "travel-replica" into ${secondary.transport.resourceLabel}: succeeded`),
        );
    });
});
