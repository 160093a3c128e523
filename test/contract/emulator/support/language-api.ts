import type { z } from "zod";
import {
    errorResponseSchema,
    exportedProjectSchema,
    jobStateSchema,
    jobStatusMeanings,
    parseContract,
    type ApiFamily,
    type ExportedProject,
    type JobState,
} from "../../../../provider/contract";
import { testSignal } from "../../../support/test-signal";

/** An answer as the tests inspect it: status, headers, the raw text and the parsed JSON (if any). */
export interface Answer {
    readonly status: number;
    readonly headers: Headers;
    readonly text: string;
    readonly body: unknown;
}

export interface SendOptions {
    readonly body?: unknown;
    readonly query?: Readonly<Record<string, string>>;
    readonly contentType?: string;
    /** Replaces the resource's key header (e.g. a wrong key, or a bearer token). */
    readonly auth?: Readonly<Record<string, string>>;
}

/**
 * Plain HTTP against one family of one emulated resource, with fetch: no provider client code.
 * `path` is below `/language/authoring/{family}/projects` ("" for the collection). Error answers
 * are checked against the contract's error envelope on the way.
 */
export class LanguageApi {
    constructor(
        readonly endpoint: string,
        readonly key: string,
        readonly family: ApiFamily,
        readonly apiVersion = "2023-04-01",
    ) {}

    withVersion(apiVersion: string): LanguageApi {
        return new LanguageApi(this.endpoint, this.key, this.family, apiVersion);
    }

    url(path: string, query: Readonly<Record<string, string>> = {}): string {
        const search = new URLSearchParams({ "api-version": this.apiVersion, ...query });
        return `${this.endpoint}/language/authoring/${this.family}/projects${path}?${search.toString()}`;
    }

    send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
        return this.sendTo(method, this.url(path, options.query), options);
    }

    async sendTo(method: string, url: string, options: SendOptions = {}): Promise<Answer> {
        const headers: Record<string, string> = { ...(options.auth ?? { "Ocp-Apim-Subscription-Key": this.key }) };
        if (options.body !== undefined) {
            headers["content-type"] = options.contentType ?? "application/json";
        }
        const response = await fetch(url, {
            method,
            headers,
            ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        });
        const text = await response.text();
        const body: unknown = text === "" ? undefined : JSON.parse(text);
        if (response.status >= 400) {
            // Every error the emulator answers must have the service's error envelope.
            parseContract(errorResponseSchema, body, `${method} ${url} (HTTP ${response.status})`);
        }
        return { status: response.status, headers: response.headers, text, body };
    }

    /** GET that must answer 200 with a body matching `schema`. */
    async read<Schema extends z.ZodType>(
        path: string,
        schema: Schema,
        query: Readonly<Record<string, string>> = {},
    ): Promise<z.output<Schema>> {
        return expectBody(await this.send("GET", path, { query }), 200, schema, `GET ${path}`);
    }

    /** A trigger: must answer 202 with an empty body and an absolute status URL. */
    async trigger(method: string, path: string, options: SendOptions = {}): Promise<string> {
        const answer = await this.send(method, path, options);
        expectStatus(answer, 202, `${method} ${path}`);
        if (answer.text !== "") {
            throw new Error(`${method} ${path}: 202 with a body: ${answer.text}`);
        }
        const location = answer.headers.get("operation-location");
        if (location === null || !location.startsWith(this.endpoint) || !location.includes("api-version=")) {
            throw new Error(`${method} ${path}: bad operation-location ${location}`);
        }
        return location;
    }

    /** Polls a status URL (validating every answer) until the job is terminal. */
    async waitForJob<Schema extends z.ZodType<JobState>>(
        statusUrl: string,
        schema: Schema = jobStateSchema as unknown as Schema,
        maxPolls = 10,
    ): Promise<z.output<Schema>> {
        for (let poll = 1; poll <= maxPolls; poll++) {
            testSignal().throwIfAborted();
            const job = expectBody(await this.sendTo("GET", statusUrl), 200, schema, `GET ${statusUrl}`);
            if (jobStatusMeanings[job.status].terminal) {
                return job;
            }
        }
        throw new Error(`job ${statusUrl} still running after ${maxPolls} polls`);
    }

    /** Triggers and waits; the job must succeed. */
    async run<Schema extends z.ZodType<JobState>>(
        method: string,
        path: string,
        options: SendOptions = {},
        schema?: Schema,
    ): Promise<z.output<Schema>> {
        const job = await this.waitForJob(await this.trigger(method, path, options), schema);
        if (job.status !== "succeeded") {
            throw new Error(`${method} ${path}: job ${job.status}: ${JSON.stringify(job.errors)}`);
        }
        return job;
    }

    async importProject(file: { metadata: { projectName: string } }): Promise<JobState> {
        return this.run("POST", `/${file.metadata.projectName}/:import`, { body: file });
    }

    /** Export -> wait -> GET resultUrl; the file must match the contract. */
    async exportProject(projectName: string, query: Readonly<Record<string, string>> = {}): Promise<ExportedProject> {
        const job = await this.run("POST", `/${projectName}/:export`, {
            query: { stringIndexType: "Utf16CodeUnit", ...query },
        });
        if (job.resultUrl === undefined) {
            throw new Error(`export of ${projectName} succeeded without resultUrl`);
        }
        return expectBody(await this.sendTo("GET", job.resultUrl), 200, exportedProjectSchema, `GET ${job.resultUrl}`);
    }
}

export function expectStatus(answer: Answer, status: number, what: string): void {
    if (answer.status !== status) {
        throw new Error(`${what}: expected HTTP ${status}, got ${answer.status}: ${answer.text}`);
    }
}

export function expectBody<Schema extends z.ZodType>(
    answer: Answer,
    status: number,
    schema: Schema,
    what: string,
): z.output<Schema> {
    expectStatus(answer, status, what);
    return parseContract(schema, answer.body, what);
}
