import { conciergeOrchestration, textSamples, travelConversation } from "../../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject, textTraining } from "./deploy-project";
import { uploadDocuments, type TestBed } from "./test-bed";

/** Every sample project, deployed as `production` on the primary and replicated to the secondary. */
export const replicatedSamples = {
    conversations: ["TravelBot", "Concierge"],
    text: ["SupportTickets", "NewsTopics", "Contracts"],
} as const;

/**
 * Deploys the sample projects on the primary, then replicates them as the provider does: export
 * from the primary, import into the secondary, train with the same options, deploy (the CLU
 * target before the orchestration routing to it). The bed needs storage for the text projects.
 */
export async function deployReplicatedSamples(bed: TestBed): Promise<void> {
    const clu = bed.api("primary", "analyze-conversations");
    await deployProject(clu, travelConversation(), conversationTraining);
    await deployProject(clu, conciergeOrchestration(), conversationTraining);
    for (const sample of Object.values(textSamples())) {
        for (const resource of ["primary", "secondary"]) {
            await uploadDocuments(
                bed.storage[resource]!,
                sample.file.metadata.storageInputContainerName,
                sample.documents,
            );
        }
        await deployProject(bed.api("primary", "analyze-text"), sample.file, textTraining);
    }
    const families = [
        ...replicatedSamples.conversations.map(
            (name) => ["analyze-conversations", name, conversationTraining] as const,
        ),
        ...replicatedSamples.text.map((name) => ["analyze-text", name, textTraining] as const),
    ];
    for (const [family, projectName, training] of families) {
        const exported = await bed.api("primary", family).exportProject(projectName);
        await deployProject(bed.api("secondary", family), exported, training);
    }
}
