import {
    type ConversationTask,
    conversationTaskResultSchema,
    type ConversationTaskResult,
    conversationTaskSchema,
    parseContract,
    type TextAnalysisJobInput,
    textAnalysisJobInputSchema,
    type TextAnalysisJobState,
    textAnalysisJobStateSchema,
} from "../contract";
import type { JobPoll, StartedJob } from "./authoring-client";
import { retryAfterMs } from "./retry-policy";
import { statusUrlOf } from "./status-url";
import { type LanguageTransport, parseJson } from "./transport";

/** Stable runtime versions both families serve with the shapes of `contract/runtime`. */
const runtimeApiVersion = "2023-04-01";

/**
 * The prediction (runtime) API of one resource: what applications call, and what the parity
 * probe asks a deployment. Predictions change nothing on the resource, so a read-only primary
 * may be asked too. Requests are validated strictly, answers leniently.
 */
export class RuntimeClient {
    constructor(readonly transport: LanguageTransport) {}

    /** `POST {endpoint}/language/:analyze-conversations`: one utterance, one CLU or orchestration deployment. */
    async analyzeConversation(task: ConversationTask, signal?: AbortSignal): Promise<ConversationTaskResult> {
        const { projectName, deploymentName } = task.parameters;
        const operation = `predicting with deployment "${deploymentName}" of "${projectName}"`;
        const body = parseContract(conversationTaskSchema, task, "conversation task");
        const url = this.url("/:analyze-conversations");
        const response = await this.transport.call({ method: "POST", url, operation, body, signal });
        return parseContract(conversationTaskResultSchema, parseJson(response.text), `response of ${operation}`);
    }

    /** `POST {endpoint}/language/analyze-text/jobs` with custom text tasks; poll the job it starts. */
    async startTextJob(input: TextAnalysisJobInput, signal?: AbortSignal): Promise<StartedJob> {
        const operation = "submitting a text analysis job";
        const body = parseContract(textAnalysisJobInputSchema, input, "text analysis job");
        const request = { method: "POST" as const, url: this.url("/analyze-text/jobs"), operation, body, signal };
        return { statusUrl: statusUrlOf(await this.transport.call(request), request, this.transport) };
    }

    async pollTextJob(
        statusUrl: string,
        operation: string,
        signal?: AbortSignal,
    ): Promise<JobPoll<TextAnalysisJobState>> {
        const response = await this.transport.call({ method: "GET", url: statusUrl, operation, signal });
        const state = parseContract(textAnalysisJobStateSchema, parseJson(response.text), `job state of ${operation}`);
        return { state, retryAfterMs: retryAfterMs(response.headers, this.transport.clock.now()) };
    }

    private url(path: string): string {
        return `${this.transport.endpoint}/language${path}?api-version=${runtimeApiVersion}`;
    }
}
