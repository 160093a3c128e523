import { expect } from "chai";
import type { OrchestrationIntent } from "../../../provider/contract";
import { checkOrchestrationTargets } from "../../../provider/operations/orchestration-targets";
import { failureOf } from "../../support/failure-of";
import type { InProcessEmulator } from "../../support/in-process-emulator";
import { authoringClientOf, project, seededEmulator } from "../../support/operation-bed";

const routing = (category: string, projectName: string, deploymentName: string): OrchestrationIntent => ({
    category,
    orchestration: { targetProjectKind: "Conversation", conversationOrchestration: { projectName, deploymentName } },
});

describe("checkOrchestrationTargets: an orchestration's conversation targets are deployed on the secondary first", () => {
    let emulator: InProcessEmulator;

    beforeEach(async () => {
        emulator = await seededEmulator(["secondary"]);
    });

    it("passes when every conversation target is deployed, asking only about those", async () => {
        const intents: OrchestrationIntent[] = [
            routing("Travel", project, "production"),
            {
                category: "Faq",
                orchestration: {
                    targetProjectKind: "QuestionAnswering",
                    questionAnsweringOrchestration: { projectName: "faq" },
                },
            },
            { category: "None" },
        ];
        await checkOrchestrationTargets(authoringClientOf(emulator, "secondary"), intents);
        expect(emulator.requestsTo("secondary")).to.deep.equal([
            `GET /language/authoring/analyze-conversations/projects/${project}/deployments/production`,
        ]);
    });

    it("fails before anything is written, naming every missing target and the fix", async () => {
        const intents = [
            routing("Travel", project, "production"),
            routing("Booking", project, "staging"),
            routing("Weather", "weather-clu", "production"),
        ];
        const secondary = authoringClientOf(emulator, "secondary");
        const error = (await failureOf(checkOrchestrationTargets(secondary, intents))) as Error;
        expect(error.message).to.equal(
            `orchestration targets are not deployed on ${secondary.transport.resourceLabel}: ` +
                `intent "Booking" routes to "${project}" deployment "staging"; ` +
                'intent "Weather" routes to "weather-clu" deployment "production". ' +
                "Replicate those projects first (give this resource dependsOn on their ReplicatedLanguageProject)",
        );
        expect(emulator.requestsTo("secondary").every((line) => line.startsWith("GET "))).to.equal(true);
    });
});
