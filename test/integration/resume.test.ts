import type { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { ReplicatedLanguageProject } from "../../provider";
import { readTree } from "../support/read-tree";
import { cliEcho } from "../support/cli-echo";
import { emulatorKeys, ReplicationBed } from "../support/replication-bed";
import { itLeavingPrimaryAlone } from "../support/primary-guard";
import { failureOf } from "../support/failure-of";

const trainPath = "/language/authoring/analyze-conversations/projects/travel-clu/:train";
const importPath = "/language/authoring/analyze-conversations/projects/travel-clu/:import";

/** How many requests of this method and path reached the secondary. */
async function count(bed: ReplicationBed, method: string, path: string): Promise<number> {
    const requests = await bed.admin.requests("secondary");
    return requests.filter((request) => request.method === method && request.path === path).length;
}

describe("resuming an interrupted replication under the real Pulumi engine", function () {
    this.timeout(4 * 60_000);
    const itReadOnly = itLeavingPrimaryAlone(() => bed);

    let bed: ReplicationBed;
    let stack: Stack;
    let trainMinutes = 5;
    const stackName = `resume-${process.pid}`;
    const onOutput = cliEcho();

    before(async () => {
        bed = await ReplicationBed.start({ mode: "instant" });
        stack = await bed.openStack(stackName, async () => {
            const replica = new ReplicatedLanguageProject("travel-clu", {
                ...bed.connections(),
                projectName: "travel-clu",
                timeoutMinutes: { train: trainMinutes },
            });
            return { deployment: replica.deployment };
        });
    });

    after(async () => {
        await bed?.stop();
    });

    itReadOnly("fails in the middle of the plan with a message saying what completed", async () => {
        await bed.admin.addFault({
            method: "POST",
            path: ":train$",
            resource: "secondary",
            fault: { kind: "failJob", code: "InternalServerError", message: "training cluster lost" },
        });
        const failure = String(await failureOf(stack.up({ onOutput })));
        expect(failure).to.include("replicating travel-clu -> travel-clu: train failed");
        expect(failure).to.include("InternalServerError: training cluster lost");
        expect(failure).to.include("completed import");
        const state = await stack.exportStack();
        const replica = state.deployment.resources.find((r: { type: string }) =>
            r.type.endsWith(":ReplicatedLanguageProject"),
        );
        expect(replica.outputs)
            .to.have.property("importedContentHash")
            .that.matches(/^sha256-items:/);
        expect(replica.outputs).not.to.have.property("trainedFrom");
        const stored = readTree(bed.stateDir);
        for (const key of emulatorKeys) expect(stored, "the partial state holds no plain key").not.to.include(key);
    });

    itReadOnly("continues on the next `up` without importing again", async () => {
        await bed.admin.clearFaults();
        const result = await stack.up({ onOutput });
        expect(result.outputs.deployment!.value).to.have.property("name", "production");
        expect(await count(bed, "POST", importPath), "imports").to.equal(1);
        expect(await count(bed, "POST", trainPath), "training jobs started").to.equal(2);
        await stack.preview({ expectNoChanges: true });
    });

    itReadOnly("adopts a training job that outlived the step timeout instead of starting another", async () => {
        await bed.admin.editProject("primary", "travel-clu", { op: "addIntent", intent: { category: "Refund" } });
        await bed.admin.setJobTiming({ mode: "afterMs", ms: 4_000 }, { resource: "secondary", operation: "train" });
        await bed.admin.clearRequests("secondary");
        trainMinutes = 0.02; // 1.2 s: the job takes 4 s
        const failure = String(await failureOf(stack.up({ onOutput })));
        expect(failure).to.match(
            /train failed: training project "travel-clu" on .*: gave up after \d+s: job \S+ was still running/,
        );
        await new Promise((resolve) => setTimeout(resolve, 4_000)); // let the job finish on the emulator
        trainMinutes = 5;
        await stack.up({ onOutput });
        expect(await count(bed, "POST", trainPath), "training jobs started").to.equal(1);
        expect(await count(bed, "POST", importPath), "imports").to.equal(1);
        await stack.preview({ expectNoChanges: true });
    });
});
