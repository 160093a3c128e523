import type { AnalyzeConversationResponse, ConversationalTask } from "@azure/ai-language-conversations";
import type { RegionClients } from "./region-clients";

/** Per-call options of a conversation prediction (the spec's `parameters` a caller may choose). */
export interface ConversationOptions {
    /** The utterance's language (BCP 47), when the project is multilingual. */
    language?: string;
    /** How entity offsets are counted; the service's default is text elements. */
    stringIndexType?: "TextElements_v8" | "UnicodeCodePoint" | "Utf16CodeUnit";
    /** Orchestration only: ask this target project directly, skipping the routing. */
    directTarget?: string;
    verbose?: boolean;
    /** Stops waiting for the answer; the caller then gets the signal's reason. */
    abortSignal?: AbortSignal;
}

/** Which project and deployment one region serves the prediction from. */
export interface DeployedProject {
    projectName: string;
    deploymentName: string;
}

/** `POST /language/:analyze-conversations` through the conversations SDK: one utterance, one region. */
export async function analyzeConversationIn(
    clients: RegionClients,
    project: DeployedProject,
    text: string,
    options: ConversationOptions,
    signal: AbortSignal,
): Promise<AnalyzeConversationResponse> {
    const { language, stringIndexType, directTarget, verbose } = options;
    const task: ConversationalTask = {
        kind: "Conversation",
        analysisInput: { conversationItem: { id: "1", participantId: "1", text, ...(language && { language }) } },
        parameters: {
            ...project,
            ...(stringIndexType && { stringIndexType }),
            ...(directTarget && { directTarget }),
            ...(verbose !== undefined && { verbose }),
        },
    };
    return clients.conversations.analyzeConversation(task, { abortSignal: signal });
}
