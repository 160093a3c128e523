import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { exportProject } from "../../../provider/operations/export-project";
import { exportJobSucceeded } from "../../fixtures/contract/jobs";
import { failureOf } from "../../support/failure-of";
import {
    authoringClientOf,
    project,
    recordingContext,
    scriptedClient,
    scriptedEndpoint,
    seededEmulator,
} from "../../support/operation-bed";

describe("exportProject: the primary's working copy into a file, with the export trigger and GETs only", () => {
    let directory: string;

    beforeEach(() => {
        directory = fs.mkdtempSync(path.join(os.tmpdir(), "export-project-"));
    });

    afterEach(() => {
        fs.rmSync(directory, { recursive: true, force: true });
    });

    it("writes the exported project to the file, reporting the export's progress", async () => {
        const emulator = await seededEmulator(["primary"]);
        const primary = authoringClientOf(emulator, "primary");
        const context = recordingContext(emulator.clock);
        const file = path.join(directory, "export.json");
        await exportProject(primary, project, file, context);
        expect(JSON.parse(fs.readFileSync(file, "utf8")).metadata.projectName).to.equal(project);
        expect(emulator.primaryWrites).to.deep.equal([]);
        expect(context.progressed.at(-1)).to.match(
            new RegExp(`^exporting project "${project}" from ${primary.transport.resourceLabel}: succeeded`),
        );
    });

    it("fails, naming the job, when the export succeeds without a result to download", async () => {
        const statusUrl = `${scriptedEndpoint}/language/authoring/analyze-conversations/projects/${project}/export/jobs/j1?api-version=2023-04-01`;
        const { resultUrl: _, ...withoutResult } = exportJobSucceeded();
        const { client, clock, remaining } = scriptedClient(
            { status: 202, headers: { "operation-location": statusUrl } },
            { status: 200, json: withoutResult },
        );
        const error = (await failureOf(
            exportProject(client, project, path.join(directory, "export.json"), recordingContext(clock)),
        )) as Error;
        expect(error.message).to.equal(
            `exporting project "${project}" from ${client.transport.resourceLabel}: job ${withoutResult.jobId} succeeded without a resultUrl`,
        );
        expect(remaining()).to.equal(0);
    });
});
