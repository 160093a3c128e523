import {
    conversationTaskResultSchema,
    jobStatusMeanings,
    textAnalysisJobStateSchema,
    type ConversationTaskResult,
    type TextAnalysisJobState,
} from "../../../../provider/contract";
import { expectBody, expectStatus, LanguageApi, type Answer, type SendOptions } from "./language-api";

/** An utterance for `:analyze-conversations`, with parameters merged over the project's. */
export function conversationTask(
    projectName: string,
    text: string,
    parameters: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
    return {
        kind: "Conversation",
        analysisInput: { conversationItem: { id: "1", participantId: "user", text } },
        parameters: { projectName, deploymentName: "production", ...parameters },
    };
}

/**
 * Plain HTTP against the runtime (prediction) API of one emulated resource, with fetch; every
 * answer is checked against the contract's runtime schemas (errors against the error envelope).
 */
export class RuntimeApi {
    private readonly http: LanguageApi;

    constructor(
        readonly endpoint: string,
        readonly key: string,
    ) {
        this.http = new LanguageApi(endpoint, key, "analyze-conversations");
    }

    url(path: string, apiVersion: string, query: Readonly<Record<string, string>> = {}): string {
        return `${this.endpoint}/language${path}?${new URLSearchParams({ "api-version": apiVersion, ...query }).toString()}`;
    }

    send(method: string, path: string, apiVersion: string, options: SendOptions = {}): Promise<Answer> {
        return this.http.sendTo(method, this.url(path, apiVersion, options.query), options);
    }

    sendTo(method: string, url: string, options: SendOptions = {}): Promise<Answer> {
        return this.http.sendTo(method, url, options);
    }

    /** `POST /:analyze-conversations`, which must answer 200 with a ConversationResult. */
    async analyzeConversation(body: unknown, apiVersion = "2023-04-01"): Promise<ConversationTaskResult> {
        const answer = await this.send("POST", "/:analyze-conversations", apiVersion, { body });
        return expectBody(answer, 200, conversationTaskResultSchema, "POST :analyze-conversations");
    }

    /** `POST /analyze-text/jobs`: 202, empty body, an absolute status URL carrying the api-version. */
    async submitTextJob(body: unknown, apiVersion = "2023-04-01"): Promise<string> {
        const answer = await this.send("POST", "/analyze-text/jobs", apiVersion, { body });
        expectStatus(answer, 202, "POST analyze-text/jobs");
        const location = answer.headers.get("operation-location");
        if (
            answer.text !== "" ||
            location === null ||
            !location.startsWith(`${this.endpoint}/language/analyze-text/jobs/`)
        ) {
            throw new Error(`POST analyze-text/jobs: bad 202 (location ${location}, body ${answer.text})`);
        }
        if (!location.endsWith(`?api-version=${apiVersion}`)) {
            throw new Error(`POST analyze-text/jobs: status URL without the api-version: ${location}`);
        }
        return location;
    }

    /** One status GET, which must answer 200 with a job state. */
    async readTextJob(statusUrl: string): Promise<TextAnalysisJobState> {
        return expectBody(await this.sendTo("GET", statusUrl), 200, textAnalysisJobStateSchema, `GET ${statusUrl}`);
    }

    /** Polls until the job is terminal, as the SDK's poller does; every answer is validated. */
    async waitForTextJob(statusUrl: string, maxPolls = 10): Promise<TextAnalysisJobState> {
        for (let poll = 1; poll <= maxPolls; poll++) {
            const job = await this.readTextJob(statusUrl);
            if (jobStatusMeanings[job.status].terminal) {
                return job;
            }
        }
        throw new Error(`text job ${statusUrl} still running after ${maxPolls} polls`);
    }

    async runTextJob(body: unknown, apiVersion = "2023-04-01"): Promise<TextAnalysisJobState> {
        return this.waitForTextJob(await this.submitTextJob(body, apiVersion));
    }
}
