import { expect } from "chai";
import { RuntimeClient } from "../../../provider/client/runtime-client";
import { LanguageTransport } from "../../../provider/client/transport";
import { familyOfKind, type ProjectKind } from "../../../provider/contract";
import type { OperationContext } from "../../../provider/operations/operation-context";
import { type ProbedDeployment, type ProbeItem, probeParity } from "../../../provider/operations/parity-probe";
import { paritySample } from "../../../provider/operations/parity-sample";
import { readDocuments } from "../../../provider/operations/read-documents";
import {
    contractsEntityRecognition,
    supportTicketsSingleLabel,
    travelConversation,
} from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject, textTraining } from "../emulator/support/deploy-project";
import { startTestBed, type TestBed, uploadDocuments } from "../emulator/support/test-bed";
import { FakeClock } from "../../support/fake-clock";

const context = (clock = new FakeClock()): OperationContext => ({
    clock,
    polling: { initialMs: 1, maxMs: 5 },
    deadline: clock.now() + 10_000,
    log: () => undefined,
    progress: () => undefined,
});

describe("parity probe: the runtime client asks the primary's and a candidate's deployment the same", function () {
    let bed: TestBed;
    const samples = {
        Conversation: { file: travelConversation(), documents: undefined },
        CustomSingleLabelClassification: supportTicketsSingleLabel(),
        CustomEntityRecognition: contractsEntityRecognition(),
    };

    const deployment = (resource: string, projectName: string, deploymentName = "production"): ProbedDeployment => {
        const { endpoint, keys } = bed.resource(resource);
        const transport = new LanguageTransport({
            endpoint,
            credentials: { kind: "key", key: keys[0] },
            rateLimits: false,
        });
        return { runtime: new RuntimeClient(transport), projectName, deploymentName };
    };

    /** The sample of a project as the probe sends it: utterances, or documents read from storage. */
    async function itemsOf(kind: keyof typeof samples): Promise<ProbeItem[]> {
        const { file } = samples[kind];
        const names = paritySample(file as never, 20);
        if (familyOfKind(kind) === "analyze-conversations")
            return names.map((text) => ({ name: text, text, language: "en" }));
        const container = (file.metadata as { storageInputContainerName: string }).storageInputContainerName;
        const texts = await readDocuments(bed.storage.primary!, container, names);
        return names.map((name) => ({ name, text: texts.get(name)!, language: "en" }));
    }

    before(async () => {
        bed = await startTestBed({ withStorage: true, jobTiming: { mode: "instant" } });
        for (const [kind, sample] of Object.entries(samples)) {
            const family = familyOfKind(kind as ProjectKind);
            const training = family === "analyze-text" ? textTraining : conversationTraining;
            for (const resource of ["primary", "secondary"]) {
                const { storageInputContainerName: container } = sample.file.metadata as {
                    storageInputContainerName?: string;
                };
                if (sample.documents && container)
                    await uploadDocuments(bed.storage[resource]!, container, sample.documents);
                await deployProject(bed.api(resource, family), sample.file, training);
            }
            // A candidate on the secondary that learnt every label as the next one.
            const api = bed.api("secondary", family);
            const projectName = sample.file.metadata.projectName;
            await bed.admin.degradeModels({ project: projectName, quality: { predictions: "diverge" } });
            await api.run("POST", `/${projectName}/:train`, { body: { ...training, modelLabel: "diverged" } });
            await api.run("PUT", `/${projectName}/deployments/staging`, { body: { trainedModelLabel: "diverged" } });
        }
    });

    after(async () => {
        await bed.stop();
    });

    for (const kind of Object.keys(samples) as (keyof typeof samples)[]) {
        it(`${kind}: a replica trained from the same export agrees on every item`, async () => {
            const projectName = samples[kind].file.metadata.projectName;
            const items = await itemsOf(kind);
            const result = await probeParity(
                kind,
                items,
                deployment("primary", projectName),
                deployment("secondary", projectName),
                context(),
            );
            expect(result).to.deep.equal({ sampled: items.length, agreed: items.length, rate: 1, disagreements: [] });
        });

        it(`${kind}: a candidate whose predictions diverge disagrees, and the probe says where`, async () => {
            const projectName = samples[kind].file.metadata.projectName;
            const result = await probeParity(
                kind,
                await itemsOf(kind),
                deployment("primary", projectName),
                deployment("secondary", projectName, "staging"),
                context(),
            );
            expect(result.agreed).to.be.lessThan(result.sampled);
            expect(result.disagreements[0]).to.match(/: .+ vs .+/);
        });
    }

    it("sends the primary nothing but predictions", async () => {
        const requests = (await bed.admin.requests("primary")).filter(
            (request) => !request.path.includes("/authoring/"),
        );
        expect(
            new Set(requests.map((request) => `${request.method} ${request.path.replace(/jobs\/.+$/, "jobs/{id}")}`)),
        ).to.deep.equal(
            new Set([
                "POST /language/:analyze-conversations",
                "POST /language/analyze-text/jobs",
                "GET /language/analyze-text/jobs/{id}",
            ]),
        );
    });
});
