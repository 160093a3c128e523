import { expect } from "chai";
import { ReplicatedLanguageProject, type ReplicatedLanguageProjectArgs } from "../../provider";
import { cliEcho } from "../support/cli-echo";
import { emulatorKeys, ReplicationBed } from "../support/replication-bed";

describe("bad input under the real Pulumi engine: `preview` fails naming the field", function () {
    this.timeout(4 * 60_000);

    let bed: ReplicationBed;
    const echo = cliEcho();

    before(async () => {
        bed = await ReplicationBed.start({ mode: "instant" });
    });

    after(async () => {
        await bed?.stop();
    });

    /** Runs `pulumi preview` of one replica declared with these arguments; returns all the CLI said. */
    async function failedPreview(stackName: string, args: Record<string, unknown>): Promise<string> {
        let printed = "";
        const stack = await bed.openStack(`${stackName}-${process.pid}`, async () => {
            new ReplicatedLanguageProject("travel-clu", args as unknown as ReplicatedLanguageProjectArgs);
        });
        await bed.admin.clearRequests();
        try {
            const outcome = await stack.preview({ onOutput: (text) => ((printed += text), echo(text)) }).then(
                () => "passed",
                (error: unknown) => ((printed += String(error)), "failed"),
            );
            expect(outcome, "the preview").to.equal("failed");
        } finally {
            await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
        }
        for (const key of emulatorKeys) expect(printed, "the CLI output holds no key").not.to.include(key);
        return printed;
    }

    it("refuses a dots-only name, an output given as an input and an unknown field, sending no request", async () => {
        const { primary, secondary, polling } = bed.resources();
        const printed = await failedPreview("bad-names", {
            primary: { ...primary, apiKey: primary.key },
            secondary,
            polling,
            projectName: "travel-clu",
            deploymentName: "..",
            deployment: { name: "production" },
        });
        expect(printed).to.include('deployment name ".." must not consist of dots only');
        expect(printed).to.include('"deployment" is an output of ReplicatedLanguageProject');
        expect(printed).to.include('"apiKey" is not an option here; did you mean "key"?');
        expect(await bed.admin.requests(), "requests that reached the emulator").to.deep.equal([]);
    });

    it("never prints a key pasted into the wrong place, though the engine prints refused values", async () => {
        const { primary, secondary, polling } = bed.resources();
        const misplaced = await failedPreview("misplaced-keys", {
            primary,
            secondary,
            polling,
            projectName: secondary.key,
            apiKey: primary.key,
        });
        expect(misplaced).to.include('property ["projectName"] value {<nil>}');
        expect(misplaced).to.include("holds the value of secondary.key");
        expect(misplaced).to.include('"apiKey" is not an option here');
        const bare = await failedPreview("bare-key", { primary: primary.key, secondary, projectName: "travel-clu" });
        expect(bare).to.include("must be an object { endpoint, key?, entraId? }, not a string");
        expect(await bed.admin.requests(), "requests that reached the emulator").to.deep.equal([]);
    });

    it("refuses a training configuration version the secondary lacks with GETs only, before any export", async () => {
        const printed = await failedPreview("missing-config", {
            ...bed.connections(),
            projectName: "travel-clu",
            training: { trainingConfigVersion: "2099-01-01" },
        });
        expect(printed).to.include("training.trainingConfigVersion");
        expect(printed).to.include('"2099-01-01" is not offered by the secondary');
        const requests = await bed.admin.requests();
        expect(requests.map((request) => request.method)).to.have.length.greaterThan(0);
        expect(requests.filter((request) => request.method !== "GET")).to.deep.equal([]);
    });
});
