import type { z } from "zod";
import {
    type ApiFamily,
    type ApiVersion,
    conversationTrainingJobOptionsSchema,
    type ConversationTrainingJobOptions,
    createDeploymentOptionsSchema,
    type CreateDeploymentOptions,
    createProjectOptionsSchema,
    type CreateProjectOptions,
    evaluationSummarySchema,
    exportedProjectSchema,
    type ExportedProject,
    jobStateSchema,
    pagedSchema,
    parseContract,
    projectDeploymentSchema,
    projectMetadataSchema,
    type ProjectKind,
    type ProjectMetadata,
    projectTrainedModelSchema,
    supportedLanguageSchema,
    swapDeploymentsOptionsSchema,
    type SwapDeploymentsOptions,
    textTrainingJobOptionsSchema,
    type TextTrainingJobOptions,
    trainingConfigVersionSchema,
    trainingJobStateSchema,
} from "../contract";
import type { BodySource } from "./http-send";
import { retryAfterMs } from "./retry-policy";
import { LanguageApiError } from "./language-api-error";
import { statusUrlOf } from "./status-url";
import { type CallRequest, type LanguageTransport, parseJson } from "./transport";

/** A long-running operation the service accepted: poll `statusUrl` exactly as given. */
export interface StartedJob {
    statusUrl: string;
}

/** One poll of a job, with the wait the service asked for, if any. */
export interface JobPoll<State> {
    state: State;
    retryAfterMs?: number;
}

type Query = Record<string, string | number | undefined>;

/**
 * The authoring REST API of one resource, for one family (`analyze-text` or
 * `analyze-conversations`) and api-version: one method per operation, each validating what it
 * sends (strict) and what it receives (lenient). Paths live here and nowhere else.
 */
export class AuthoringClient {
    constructor(
        readonly transport: LanguageTransport,
        readonly family: ApiFamily,
        readonly apiVersion: ApiVersion,
    ) {}

    // --- projects -------------------------------------------------------------------------

    listProjects(signal?: AbortSignal) {
        return this.list(this.url(""), projectMetadataSchema, "listing projects", signal);
    }

    /** The project listing page by page, for a reader that may stop before the last. */
    projectPages(signal?: AbortSignal): AsyncGenerator<ProjectMetadata[]> {
        return this.pages(this.url(""), projectMetadataSchema, "listing projects", signal);
    }

    getProject(project: string, signal?: AbortSignal) {
        return this.get(this.url(`/${enc(project)}`), projectMetadataSchema, `getting project "${project}"`, signal);
    }

    /** Like getProject, but undefined when the project does not exist. */
    findProject(project: string, signal?: AbortSignal) {
        return absentOn404(this.getProject(project, signal));
    }

    /** Creates or updates a project's metadata (merge-patch). */
    async updateProject(project: string, options: CreateProjectOptions, signal?: AbortSignal) {
        const body = parseContract(createProjectOptionsSchema, options, "project options");
        const operation = `updating project "${project}"`;
        const response = await this.call({
            method: "PATCH",
            url: this.url(`/${enc(project)}`),
            operation,
            body,
            contentType: "application/merge-patch+json",
            signal,
        });
        return parseContract(projectMetadataSchema, parseJson(response.text), `response of ${operation}`);
    }

    startDeleteProject(project: string, signal?: AbortSignal) {
        return this.start({
            method: "DELETE",
            url: this.url(`/${enc(project)}`),
            operation: `deleting project "${project}"`,
            signal,
        });
    }

    // --- export and import ----------------------------------------------------------------

    /** Exports the working copy, or with `trainedModelLabel` (2023-04-01+) a model's snapshot. */
    async startExport(project: string, options: { trainedModelLabel?: string } = {}, signal?: AbortSignal) {
        if (options.trainedModelLabel !== undefined) this.requireSnapshots("exporting a model's snapshot");
        const query = { stringIndexType: "Utf16CodeUnit", trainedModelLabel: options.trainedModelLabel };
        return this.start({
            method: "POST",
            url: this.url(`/${enc(project)}/:export`, query),
            operation: `exporting project "${project}"`,
            signal,
        });
    }

    /** Fetches the file an export job produced, from the job's `resultUrl`. */
    getExportedProject(resultUrl: string, signal?: AbortSignal): Promise<ExportedProject> {
        return this.get(resultUrl, exportedProjectSchema, "downloading an exported project", signal);
    }

    /**
     * Downloads the file an export job produced into `path` (created readable by this user only),
     * a chunk at a time: a large project's export never sits in memory whole.
     */
    async downloadExportedProject(resultUrl: string, path: string, signal?: AbortSignal): Promise<void> {
        await this.call({
            method: "GET",
            url: resultUrl,
            operation: "downloading an exported project",
            saveTo: path,
            signal,
        });
    }

    /**
     * Imports a project file streamed from disk, replacing any project of the same name. The
     * caller has checked it against the contract while reading it (see scanProjectFile).
     */
    startImportUpload(project: string, file: BodySource, signal?: AbortSignal) {
        return this.start({
            method: "POST",
            url: this.url(`/${enc(project)}/:import`),
            operation: `importing project "${project}"`,
            upload: file,
            signal,
        });
    }

    /** Imports a project file, replacing any project of the same name. The file passes through unchanged. */
    async startImport(project: string, file: ExportedProject, signal?: AbortSignal) {
        const body = parseContract(exportedProjectSchema, file, "project file to import");
        return this.start({
            method: "POST",
            url: this.url(`/${enc(project)}/:import`),
            operation: `importing project "${project}"`,
            body,
            signal,
        });
    }

    // --- training -------------------------------------------------------------------------

    /** Starts training; the body is the text or the conversations shape, by family. */
    async startTraining(
        project: string,
        options: TextTrainingJobOptions | ConversationTrainingJobOptions,
        signal?: AbortSignal,
    ) {
        const schema =
            this.family === "analyze-text" ? textTrainingJobOptionsSchema : conversationTrainingJobOptionsSchema;
        const body = parseContract(schema, options, "training options");
        return this.start({
            method: "POST",
            url: this.url(`/${enc(project)}/:train`),
            operation: `training project "${project}"`,
            body,
            signal,
        });
    }

    /** Training jobs that have not expired, in the order the service lists them. */
    listTrainingJobs(project: string, signal?: AbortSignal) {
        return this.list(
            this.url(`/${enc(project)}/train/jobs`),
            trainingJobStateSchema,
            `listing training jobs of "${project}"`,
            signal,
        );
    }

    /** Where a training job is polled; lets a run adopt a job listed by `listTrainingJobs`. */
    trainingJobStatusUrl(project: string, jobId: string): string {
        return this.url(`/${enc(project)}/train/jobs/${enc(jobId)}`);
    }

    startCancelTraining(project: string, jobId: string, signal?: AbortSignal) {
        const url = this.url(`/${enc(project)}/train/jobs/${enc(jobId)}/:cancel`);
        return this.start({
            method: "POST",
            url,
            operation: `cancelling training job ${jobId} of "${project}"`,
            signal,
        });
    }

    // --- models ---------------------------------------------------------------------------

    listModels(project: string, signal?: AbortSignal) {
        return this.list(
            this.url(`/${enc(project)}/models`),
            projectTrainedModelSchema,
            `listing models of "${project}"`,
            signal,
        );
    }

    getModel(project: string, label: string, signal?: AbortSignal) {
        const url = this.url(`/${enc(project)}/models/${enc(label)}`);
        return this.get(url, projectTrainedModelSchema, `getting model "${label}" of "${project}"`, signal);
    }

    findModel(project: string, label: string, signal?: AbortSignal) {
        return absentOn404(this.getModel(project, label, signal));
    }

    /** Deletes a trained model; synchronous (204), unlike every other delete. */
    async deleteModel(project: string, label: string, signal?: AbortSignal): Promise<void> {
        const url = this.url(`/${enc(project)}/models/${enc(label)}`);
        await this.call({ method: "DELETE", url, operation: `deleting model "${label}" of "${project}"`, signal });
    }

    /** Restores a model's training data as the project's working copy (2023-04-01+). */
    async startLoadSnapshot(project: string, label: string, signal?: AbortSignal) {
        this.requireSnapshots("loading a model's snapshot");
        const url = this.url(`/${enc(project)}/models/${enc(label)}/:load-snapshot`);
        return this.start({
            method: "POST",
            url,
            operation: `loading the snapshot of model "${label}" into "${project}"`,
            signal,
        });
    }

    getEvaluationSummary(project: string, label: string, signal?: AbortSignal) {
        const url = this.url(`/${enc(project)}/models/${enc(label)}/evaluation/summary-result`);
        return this.get(
            url,
            evaluationSummarySchema,
            `getting the evaluation of model "${label}" of "${project}"`,
            signal,
        );
    }

    // --- deployments ----------------------------------------------------------------------

    listDeployments(project: string, signal?: AbortSignal) {
        return this.list(
            this.url(`/${enc(project)}/deployments`),
            projectDeploymentSchema,
            `listing deployments of "${project}"`,
            signal,
        );
    }

    getDeployment(project: string, deployment: string, signal?: AbortSignal) {
        const url = this.url(`/${enc(project)}/deployments/${enc(deployment)}`);
        return this.get(url, projectDeploymentSchema, `getting deployment "${deployment}" of "${project}"`, signal);
    }

    findDeployment(project: string, deployment: string, signal?: AbortSignal) {
        return absentOn404(this.getDeployment(project, deployment, signal));
    }

    /** Creates or replaces a deployment of a trained model. */
    async startDeploy(project: string, deployment: string, options: CreateDeploymentOptions, signal?: AbortSignal) {
        const body = parseContract(createDeploymentOptionsSchema, options, "deployment options");
        const url = this.url(`/${enc(project)}/deployments/${enc(deployment)}`);
        return this.start({ method: "PUT", url, operation: `deploying "${deployment}" of "${project}"`, body, signal });
    }

    startDeleteDeployment(project: string, deployment: string, signal?: AbortSignal) {
        const url = this.url(`/${enc(project)}/deployments/${enc(deployment)}`);
        return this.start({
            method: "DELETE",
            url,
            operation: `deleting deployment "${deployment}" of "${project}"`,
            signal,
        });
    }

    async startSwapDeployments(project: string, options: SwapDeploymentsOptions, signal?: AbortSignal) {
        const body = parseContract(swapDeploymentsOptionsSchema, options, "swap options");
        const url = this.url(`/${enc(project)}/deployments/:swap`);
        return this.start({ method: "POST", url, operation: `swapping deployments of "${project}"`, body, signal });
    }

    // --- jobs and global lists -------------------------------------------------------------

    /** One poll of any job except training (see pollTrainingJob). */
    pollJob(statusUrl: string, operation: string, signal?: AbortSignal) {
        return this.poll(statusUrl, jobStateSchema, operation, signal);
    }

    pollTrainingJob(statusUrl: string, operation: string, signal?: AbortSignal) {
        return this.poll(statusUrl, trainingJobStateSchema, operation, signal);
    }

    listLanguages(projectKind?: ProjectKind, signal?: AbortSignal) {
        const url = this.url("/global/languages", { projectKind });
        return this.list(url, supportedLanguageSchema, "listing supported languages", signal);
    }

    listTrainingConfigVersions(projectKind?: ProjectKind, signal?: AbortSignal) {
        const url = this.url("/global/training-config-versions", { projectKind });
        return this.list(url, trainingConfigVersionSchema, "listing training config versions", signal);
    }

    // --- plumbing -------------------------------------------------------------------------

    /** Model snapshots arrived in 2023-04-01; older api-versions answer 404 for these routes. */
    private requireSnapshots(what: string): void {
        if (this.apiVersion === "2022-05-01") {
            throw new Error(`${what} needs api-version 2023-04-01 or later; this client uses ${this.apiVersion}`);
        }
    }

    private url(path: string, query: Query = {}): string {
        const url = new URL(`${this.transport.endpoint}/language/authoring/${this.family}/projects${path}`);
        for (const [name, value] of Object.entries(query)) {
            if (value !== undefined) url.searchParams.set(name, String(value));
        }
        url.searchParams.set("api-version", this.apiVersion);
        return url.toString();
    }

    private call(request: CallRequest) {
        return this.transport.call(request);
    }

    private async get<Schema extends z.ZodType>(
        url: string,
        schema: Schema,
        operation: string,
        signal?: AbortSignal,
    ): Promise<z.output<Schema>> {
        const response = await this.call({ method: "GET", url, operation, signal });
        return parseContract(schema, parseJson(response.text), `response of ${operation}`);
    }

    private async poll<Schema extends z.ZodType>(
        statusUrl: string,
        schema: Schema,
        operation: string,
        signal?: AbortSignal,
    ): Promise<JobPoll<z.output<Schema>>> {
        const response = await this.call({ method: "GET", url: statusUrl, operation, signal });
        const state = parseContract(schema, parseJson(response.text), `job state of ${operation}`);
        return { state, retryAfterMs: retryAfterMs(response.headers, this.transport.clock.now()) };
    }

    /** Sends a trigger and returns where to poll. */
    private async start(request: CallRequest): Promise<StartedJob> {
        return { statusUrl: statusUrlOf(await this.call(request), request, this.transport) };
    }

    /** Reads every page, following nextLink verbatim (it must stay on this resource). */
    private async list<Item extends z.ZodType>(
        firstUrl: string,
        item: Item,
        operation: string,
        signal?: AbortSignal,
    ): Promise<z.output<Item>[]> {
        const items: z.output<Item>[] = [];
        for await (const page of this.pages(firstUrl, item, operation, signal)) items.push(...page);
        return items;
    }

    /** The pages one at a time, each asked for only when the one before was taken. */
    private async *pages<Item extends z.ZodType>(
        firstUrl: string,
        item: Item,
        operation: string,
        signal?: AbortSignal,
    ): AsyncGenerator<z.output<Item>[]> {
        const pageSchema = pagedSchema(item);
        for (let url: string | null | undefined = firstUrl; url;) {
            const page: z.output<typeof pageSchema> = await this.get(url, pageSchema, operation, signal);
            yield page.value as z.output<Item>[];
            url = page.nextLink;
        }
    }
}

function enc(segment: string): string {
    return encodeURIComponent(segment);
}

/**
 * The service's codes for "no such project, model or deployment". The gateway in front of it
 * answers a wrong path, resource or api-version with a bare 404 whose code is "404": that is a
 * misconfiguration to report, never an absence (it would make a delete skip a live replica).
 */
const absenceCodes = new Set(["ProjectNotFound", "NotFound"]);

/** Turns the service's not-found into undefined: for lookups where absence is an answer, not a failure. */
async function absentOn404<T>(lookup: Promise<T>): Promise<T | undefined> {
    try {
        return await lookup;
    } catch (error) {
        if (error instanceof LanguageApiError && error.status === 404 && absenceCodes.has(error.code)) return undefined;
        throw error;
    }
}
