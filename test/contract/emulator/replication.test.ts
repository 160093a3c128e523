import { expect } from "chai";
import {
    conversationEvaluationSummarySchema,
    familyOfKind,
    pagedSchema,
    projectDeploymentSchema,
    projectMetadataSchema,
    projectTrainedModelSchema,
    textEvaluationSummarySchema,
    trainingJobStateSchema,
    type ProjectKind,
} from "../../../provider/contract";
import {
    documentEvaluationResultSchema,
    utteranceEvaluationResultSchema,
} from "../../../provider/contract/evaluation-results";
import { conciergeOrchestration, textSamples, travelConversation } from "../../fixtures/emulator/sample-projects";
import { startTestBed, uploadDocuments, type TestBed } from "./support/test-bed";

interface Scenario {
    readonly kind: ProjectKind;
    readonly file: { metadata: { projectName: string; storageInputContainerName?: string }; assets: unknown };
    readonly documents?: Readonly<Record<string, string>>;
    readonly training: Record<string, unknown>;
}

const conversationTraining = { modelLabel: "v1", trainingMode: "standard", trainingConfigVersion: "latest" };
const textTraining = { modelLabel: "v1", trainingConfigVersion: "latest" };
const texts = textSamples();

// Conversation first: the orchestration project routes to its `production` deployment.
const scenarios: readonly Scenario[] = [
    { kind: "Conversation", file: travelConversation(), training: conversationTraining },
    { kind: "Orchestration", file: conciergeOrchestration(), training: conversationTraining },
    ...(["CustomSingleLabelClassification", "CustomMultiLabelClassification", "CustomEntityRecognition"] as const).map(
        (kind) => ({ kind, file: texts[kind]!.file, documents: texts[kind]!.documents, training: textTraining }),
    ),
];

describe("emulator: replicating every project kind from westeurope to northeurope", function () {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({ withStorage: true });
        // The orchestration's CLU target must be deployed in the primary too.
        const primaryClu = bed.api("primary", "analyze-conversations");
        await primaryClu.importProject(travelConversation());
        await primaryClu.run("POST", "/TravelBot/:train", { body: conversationTraining }, trainingJobStateSchema);
        await primaryClu.run("PUT", "/TravelBot/deployments/production", { body: { trainedModelLabel: "v1" } });
    });

    after(async () => {
        await bed.stop();
    });

    it("serves primary in westeurope and secondary in northeurope under their own endpoints", () => {
        expect(bed.resource("primary")).to.include({ region: "westeurope", endpoint: `${bed.emulator.url}/primary` });
        expect(bed.resource("secondary")).to.include({
            region: "northeurope",
            endpoint: `${bed.emulator.url}/secondary`,
        });
    });

    for (const scenario of scenarios) {
        it(`${scenario.kind}: export from primary, import into secondary, train, deploy`, async () => {
            const family = familyOfKind(scenario.kind);
            const primary = bed.api("primary", family);
            const secondary = bed.api("secondary", family);
            const projectName = scenario.file.metadata.projectName;
            const container = scenario.file.metadata.storageInputContainerName;
            if (container !== undefined) {
                // The documents are references: both storage accounts must hold them.
                await uploadDocuments(bed.storage["primary"]!, container, scenario.documents!);
                await uploadDocuments(bed.storage["secondary"]!, container, scenario.documents!);
            }
            if (scenario.kind !== "Conversation") {
                await primary.importProject(scenario.file);
            }
            await bed.admin.clearRequests();

            const exported = await primary.exportProject(projectName);
            expect(exported.projectFileVersion).to.equal("2023-04-01");
            expect(exported.metadata.projectKind).to.equal(scenario.kind);
            expect(exported.assets).to.deep.equal(scenario.file.assets);

            await secondary.importProject(exported);
            const imported = await secondary.read(`/${projectName}`, projectMetadataSchema);
            expect(imported).to.not.have.property("lastTrainedDateTime");
            expect(imported).to.not.have.property("lastDeployedDateTime");

            const training = await secondary.run(
                "POST",
                `/${projectName}/:train`,
                { body: scenario.training },
                trainingJobStateSchema,
            );
            expect(training.result.modelLabel).to.equal("v1");
            expect(training.result.trainingStatus).to.include({ percentComplete: 100, status: "succeeded" });
            expect(training.result.trainingMode).to.equal(family === "analyze-conversations" ? "standard" : undefined);

            const model = await secondary.read(`/${projectName}/models/v1`, projectTrainedModelSchema);
            expect(model.modelId).to.match(/^v1-\d{8}T\d{6}-[0-9a-f]{32}$/);
            expect(model.hasSnapshot).to.equal(true);

            await secondary.run("PUT", `/${projectName}/deployments/production`, { body: { trainedModelLabel: "v1" } });
            const deployment = await secondary.read(`/${projectName}/deployments/production`, projectDeploymentSchema);
            expect(deployment).to.include({ deploymentName: "production", modelId: model.modelId });
            expect(deployment).to.not.have.property("assignedResources");

            // Project details never show lastTrained/lastDeployed, even after both (as the service).
            const replica = await secondary.read(`/${projectName}`, projectMetadataSchema);
            expect(replica).to.not.have.property("lastTrainedDateTime");
            expect(replica).to.not.have.property("lastDeployedDateTime");
            expect(await secondary.exportProject(projectName)).to.deep.include({ assets: exported.assets });

            const summarySchema =
                family === "analyze-text" ? textEvaluationSummarySchema : conversationEvaluationSummarySchema;
            await secondary.read(`/${projectName}/models/v1/evaluation/summary-result`, summarySchema);
            const itemSchema =
                family === "analyze-text" ? documentEvaluationResultSchema : utteranceEvaluationResultSchema;
            const items = await secondary.read(`/${projectName}/models/v1/evaluation/result`, pagedSchema(itemSchema), {
                stringIndexType: "Utf16CodeUnit",
            });
            expect(items.value).to.not.be.empty;

            const requests = await bed.admin.requests();
            const reached = (resource: string, pattern: RegExp) =>
                requests.some((entry) => entry.resource === resource && pattern.test(`${entry.method} ${entry.path}`));
            expect(reached("primary", /^POST .*\/:export$/)).to.equal(true);
            expect(reached("secondary", /^POST .*\/:import$/)).to.equal(true);
            expect(reached("primary", /:import$|:train$|\/deployments\//)).to.equal(false);
        });
    }

    it("lists the replicas of both families on the secondary", async () => {
        const text = await bed.api("secondary", "analyze-text").read("", pagedSchema(projectMetadataSchema));
        const conversations = await bed
            .api("secondary", "analyze-conversations")
            .read("", pagedSchema(projectMetadataSchema));
        expect(text.value.map((project) => project.projectName)).to.have.members([
            "SupportTickets",
            "NewsTopics",
            "Contracts",
        ]);
        expect(conversations.value.map((project) => project.projectName)).to.have.members(["TravelBot", "Concierge"]);
    });
});
