import { sampleDeploymentName, type SampleProject } from "./sample-project";

const utterance = (text: string, intent: string) => ({ text, intent, language: "en-us", dataset: "Train" as const });

/** An orchestration project that routes travel requests to the CLU project by name. */
export const travelOrchestrator: SampleProject = {
    dependsOn: ["travel-clu"],
    file: {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "Orchestration",
            projectName: "travel-orchestrator",
            language: "en-us",
            settings: { confidenceThreshold: 0.5 },
        },
        assets: {
            projectKind: "Orchestration",
            intents: [
                {
                    category: "Travel",
                    orchestration: {
                        targetProjectKind: "Conversation",
                        conversationOrchestration: { projectName: "travel-clu", deploymentName: sampleDeploymentName },
                    },
                },
                { category: "None" },
            ],
            utterances: [
                utterance("book a flight to Paris", "Travel"),
                utterance("cancel booking AB123456", "Travel"),
                utterance("I need to fly to Tokyo", "Travel"),
                utterance("what is the capital of France", "None"),
                utterance("play some music", "None"),
            ],
        },
    },
};
