import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { localProgram } from "../../stacks/local/program";
import { sampleProjects } from "../../stacks/local/samples";
import { cliEcho } from "../support/cli-echo";
import { itLeavingPrimaryAlone } from "../support/primary-guard";
import { failureOf } from "../support/failure-of";
import { ReplicationBed } from "../support/replication-bed";

/** A content change of each sample project, of the kind its project allows. */
const edits = {
    "travel-clu": { op: "addUtterance", utterance: { text: "a seat to Oslo", intent: "BookFlight" } },
    "travel-orchestrator": { op: "addUtterance", utterance: { text: "rebook me", intent: "Travel" } },
    "support-tickets": { op: "addClass", category: "Returns" },
    "movie-genres": { op: "removeDocument", location: "movies/plot-03.txt" },
    "contract-entities": { op: "addEntity", entity: { category: "Jurisdiction" } },
} as const;

/** Requests of the secondary with this method whose path ends so, from the emulator's request log. */
async function secondaryCalls(bed: ReplicationBed, method: string, pathEnd: RegExp): Promise<number> {
    const requests = await bed.admin.requests("secondary");
    return requests.filter((request) => request.method === method && pathEnd.test(request.path)).length;
}

describe("a fleet of replicas under throttling and failures, under the real Pulumi engine", function () {
    this.timeout(4 * 60_000);
    const itReadOnly = itLeavingPrimaryAlone(() => bed.admin);

    let bed: ReplicationBed;
    let stack: Stack;
    const stackName = `fleet-${process.pid}`;
    const onOutput = cliEcho();

    before(async () => {
        bed = await ReplicationBed.start({ mode: "instant" });
        stack = await bed.openStack(stackName, async () => localProgram(bed.resources()));
    });

    after(async () => {
        await bed?.stop();
    });

    itReadOnly("rides out a storm of 429s on both resources: every replica created and in sync", async () => {
        // Every kind of call is throttled while the storm lasts, the first ones most: the
        // exports and GETs of check on the primary, the imports, trainings and polls on the secondary.
        for (const resource of ["primary", "secondary"]) {
            await bed.admin.addFault({
                resource,
                path: ".*",
                fault: { kind: "throttle", retryAfterSeconds: 1, times: 30 },
            });
        }
        const result = await stack.up({ onOutput });
        expect(result.summary.resourceChanges).to.include({ create: sampleProjects.length + 1 });
        const throttled = (await bed.admin.requests()).filter((request) => request.status === 429);
        expect(throttled.length, "429s the emulator answered").to.equal(60);
        for (const { file } of sampleProjects) {
            const { projectName } = file.metadata;
            expect(result.outputs[projectName]!.value, projectName)
                .to.have.property("deployment")
                .that.matches(/^production serves production-/);
        }
        await stack.preview({ expectNoChanges: true, onOutput });
    });

    itReadOnly("keeps going past a replica whose training fails (--continue-on-error)", async () => {
        for (const [project, edit] of Object.entries(edits)) await bed.admin.editProject("primary", project, edit);
        await bed.admin.clearRequests("secondary");
        // A project no other replica depends on: the engine skips the dependents of a failed resource.
        await bed.admin.addFault({
            method: "POST",
            path: "/support-tickets/:train$",
            resource: "secondary",
            fault: { kind: "failJob", code: "InternalServerError", message: "training cluster lost" },
        });
        const failure = String(await failureOf(stack.up({ onOutput, continueOnError: true })));
        expect(failure).to.match(/support-tickets: train failed: .*training cluster lost.*completed import/);
        // The other four were trained and deployed in the same run.
        expect(await secondaryCalls(bed, "POST", /:import$/), "imports").to.equal(sampleProjects.length);
        expect(await secondaryCalls(bed, "POST", /:train$/), "trainings").to.equal(sampleProjects.length);
        expect(await secondaryCalls(bed, "PUT", /\/deployments\/[^/]+$/), "deployments").to.equal(
            sampleProjects.length - 1,
        );
    });

    itReadOnly("resumes the failed replica on the next `up`, from its training, and converges", async () => {
        await bed.admin.clearFaults();
        await bed.admin.clearRequests("secondary");
        await stack.up({ onOutput });
        expect(await secondaryCalls(bed, "POST", /:import$/), "imports").to.equal(0);
        expect(await secondaryCalls(bed, "POST", /:train$/), "trainings").to.equal(1);
        await stack.preview({ expectNoChanges: true, onOutput });
    });
});
