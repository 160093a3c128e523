import {
    checkModelLabel,
    conversationTrainingJobOptionsSchema,
    dataGenerationSettingsSchema,
    textTrainingJobOptionsSchema,
    type DataGenerationSettings,
    type EvaluationOptions,
} from "../../../provider/contract";
import { httpErrors } from "../../errors";
import { isTerminal } from "../../jobs/progression";
import { ok, type HttpResponse } from "../../http/messages";
import type { EvaluationSplit, StoredJob } from "../../state/state-schema";
import { pageOf } from "../paging";
import { renderJobState } from "../render/job-state";
import { readBody } from "../request-body";
import { accepted, jobStatusUrl, param, requireProject, type RouteContext } from "../route-context";

// The service's split when the body gives none or only one side (CONTRACT.md section 3a).
const defaultTestingPercentage = 20;

// Text needs trainingConfigVersion and has no mode; CLU needs trainingMode, the version defaults to latest.
const trainingOptionsSchemas = {
    "analyze-text": textTrainingJobOptionsSchema,
    "analyze-conversations": conversationTrainingJobOptionsSchema,
} as const;

/** One training job per project at a time (Learn "train model"): a second one is a 409. */
export async function startTraining(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const { dataGenerationSettings, ...options } = readBody(
        ctx,
        trainingOptionsSchemas[ctx.family].extend({ dataGenerationSettings: dataGenerationSettingsSchema.optional() }),
    );
    checkDataGeneration(ctx, dataGenerationSettings);
    const labelProblem = checkModelLabel(options.modelLabel);
    if (labelProblem !== undefined) {
        throw httpErrors.invalidParameter("modelLabel", labelProblem);
    }
    const requestedConfig = options.trainingConfigVersion ?? "latest";
    const config = ctx.trainingConfigs.find(project.metadata.projectKind, ctx.apiVersion, requestedConfig);
    if (config === undefined) {
        throw httpErrors.invalidParameter(
            "trainingConfigVersion",
            `The training configuration version "${requestedConfig}" is not available for ${project.metadata.projectKind} projects.`,
        );
    }
    const running = trainingJobsOf(ctx, project.metadata.projectName).find((job) => !isTerminal(job.status));
    if (running !== undefined) {
        throw httpErrors.conflict(
            `The project "${project.metadata.projectName}" is already training (job ${running.jobId}); only one training job may run per project.`,
        );
    }
    const job = await ctx.jobs.start(project.metadata.projectName, {
        kind: "train",
        modelLabel: options.modelLabel,
        trainingConfigVersion: config.trainingConfigVersion,
        ...("trainingMode" in options ? { trainingMode: options.trainingMode } : {}),
        evaluationOptions: resolveSplit(options.evaluationOptions),
        trainingData: structuredClone({ metadata: project.metadata, assets: project.assets }),
    });
    return accepted(ctx, job);
}

/** The project's training jobs that have not expired, oldest first. */
export function listTrainingJobs(ctx: RouteContext): HttpResponse {
    const project = requireProject(ctx);
    const jobs = trainingJobsOf(ctx, project.metadata.projectName).sort((a, b) => a.createdMs - b.createdMs);
    return ok(
        pageOf(
            ctx,
            jobs.map((job) => renderJobState(job, jobStatusUrl(ctx, job), ctx.now, ctx.features)),
        ),
    );
}

/**
 * 202 pointing at the training job itself, which goes cancelling -> cancelled; best-effort, as the
 * service's: a text job already evaluating goes cancelling -> succeeded (see JobRunner.cancel).
 */
export async function cancelTraining(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const jobId = param(ctx, "jobId");
    const job = trainingJobsOf(ctx, project.metadata.projectName).find((candidate) => candidate.jobId === jobId);
    if (job === undefined) {
        throw httpErrors.operationNotFound(jobId);
    }
    // Unverified: what the service answers for a job that already finished.
    if (isTerminal(job.status)) {
        throw httpErrors.conflict(
            `The training job ${jobId} has already finished (${job.status}) and cannot be cancelled.`,
        );
    }
    if (job.phase === "main") {
        await ctx.jobs.cancel(job);
    }
    return accepted(ctx, job);
}

/** Only versions with data generation know the field; the emulator cannot generate data itself. */
function checkDataGeneration(ctx: RouteContext, settings: DataGenerationSettings | undefined): void {
    if (settings === undefined) {
        return;
    }
    if (!ctx.features.dataGeneration) {
        throw httpErrors.invalidParameter(
            "dataGenerationSettings",
            `api-version ${ctx.apiVersion} has no dataGenerationSettings.`,
        );
    }
    if (settings.enableDataGeneration) {
        throw httpErrors.invalidParameter(
            "dataGenerationSettings.enableDataGeneration",
            "The emulator does not generate training data (it has no Azure OpenAI); train without data generation.",
        );
    }
}

function trainingJobsOf(ctx: RouteContext, projectName: string): StoredJob[] {
    return Object.values(ctx.state.jobs).filter(
        (job) => job.operation.kind === "train" && job.family === ctx.family && job.projectName === projectName,
    );
}

function resolveSplit(options: EvaluationOptions | undefined): EvaluationSplit {
    const kind = options?.kind ?? "percentage";
    const testing =
        options?.testingSplitPercentage ??
        (options?.trainingSplitPercentage === undefined
            ? defaultTestingPercentage
            : 100 - options.trainingSplitPercentage);
    return { kind, trainingSplitPercentage: 100 - testing, testingSplitPercentage: testing };
}
