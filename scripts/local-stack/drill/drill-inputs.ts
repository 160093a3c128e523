import type { AnalyzeConversationResponse } from "@azure/ai-language-conversations";
import type { ProjectKind } from "../../../provider/contract";
import type { Answer, CustomTextKind, CustomTextResults, FailoverClient } from "../../../runtime";

/** One prediction the drill sends, and the answer it prints: the top intent or the classes found. */
export type DrillAsk = (client: FailoverClient, request: number, signal: AbortSignal) => Promise<DrillAnswer>;

export interface DrillAnswer {
    region: "primary" | "secondary";
    durationMs: number;
    /** Top intent (`Travel > BookFlight` for an orchestration routing to CLU), or classes or entity kinds. */
    answer: string;
    /** Why the primary did not answer, when it was asked and failed: its status and code. */
    primaryFailure?: string;
}

// Requests of the local stack's sample projects (stacks/local/samples), in their words.
const utterances = [
    "book a flight to Paris tomorrow",
    "cancel booking AB123456",
    "I need to fly from London to Tokyo",
    "play some music",
];
const texts: Record<CustomTextKind, string[]> = {
    CustomSingleLabelClassification: [
        "I was charged twice on my last invoice.",
        "The app crashes when I open the settings page.",
        "I cannot reset my password.",
    ],
    CustomMultiLabelClassification: [
        "A retired pilot returns for one last heist and trades jokes with his rival.",
        "Two brothers rebuild the family farm after a fire.",
    ],
    CustomEntityRecognition: [
        "This agreement between Contoso Ltd and Fabrikam Inc starts on 1 March 2026 for 12000 EUR.",
        "Tailspin Toys pays Northwind Traders 800 GBP by 2 January 2026.",
    ],
};

/** What to ask a project of this kind, request after request. */
export function drillAsk(kind: ProjectKind): DrillAsk {
    if (kind === "Conversation" || kind === "Orchestration") {
        return async (client, request, signal) => {
            const text = utterances[(request - 1) % utterances.length]!;
            const answer = await client.analyzeConversation(text, { abortSignal: signal });
            return { ...outline(answer), answer: topIntent(answer.result) };
        };
    }
    return async (client, request, signal) => {
        const documents = texts[kind];
        const answer = await client.analyzeText(kind, [documents[(request - 1) % documents.length]!], {
            abortSignal: signal,
        });
        return { ...outline(answer), answer: textAnswer(answer.result) };
    };
}

function outline(answer: Answer<unknown>): Omit<DrillAnswer, "answer"> {
    const failure = answer.primaryFailure;
    return {
        region: answer.region,
        durationMs: answer.durationMs,
        ...(failure && { primaryFailure: [failure.status, failure.code].filter(Boolean).join(" ") }),
    };
}

function topIntent(response: AnalyzeConversationResponse): string {
    const prediction = response.result.prediction;
    if (prediction.projectKind === "Conversation") return prediction.topIntent ?? "(none)";
    const top = prediction.topIntent ?? "(none)";
    const routed = prediction.intents[top];
    const target = routed?.targetProjectKind === "Conversation" ? routed.result?.prediction?.topIntent : undefined;
    return target === undefined ? top : `${top} > ${target}`;
}

function textAnswer(result: CustomTextResults[CustomTextKind]): string {
    if (result.error !== undefined) return `task failed: ${result.error.code}`;
    const [document] = result.results;
    if (document === undefined || document.error !== undefined) return `document failed: ${document?.error.code}`;
    const found =
        "classifications" in document
            ? document.classifications.map((found) => found.category)
            : document.entities.map((entity) => entity.category);
    return found.length === 0 ? "(none)" : found.join(", ");
}
