import { textAnalysisJobInputSchema } from "../../../provider/contract";
import { readBody } from "../../api/request-body";
import { addressedEndpoint } from "../../config/hosted-resource";
import { newRuntimeJobId } from "../../domain/identifiers";
import { httpErrors } from "../../errors";
import type { HttpResponse } from "../../http/messages";
import type { StoredTextJob } from "../../state/state-schema";
import type { RuntimeContext } from "../runtime-context";
import { checkDocuments } from "./document-checks";
import { advanceTextJob } from "./text-job-progress";

/**
 * `POST /language/analyze-text/jobs`: checks the request, then answers 202 with the job's status
 * URL in `operation-location` (absolute, with the api-version), like every long-running operation.
 */
export async function submitTextJob(ctx: RuntimeContext): Promise<HttpResponse> {
    const input = readBody(ctx, textAnalysisJobInputSchema);
    if (input.tasks.length === 0) {
        throw httpErrors.invalidParameter("tasks", "The request has no tasks.");
    }
    const documents = checkDocuments(input.analysisInput.documents);
    const { timing, forced } = ctx.newJobTerms();
    const job: StoredTextJob = {
        jobId: newRuntimeJobId(),
        ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
        createdMs: ctx.now,
        lastUpdatedMs: ctx.now,
        status: "notStarted",
        phase: "main",
        phaseStartedMs: ctx.now,
        phasePolls: 0,
        timing,
        ...(forced === undefined ? {} : { forced }),
        documents,
        tasks: input.tasks,
    };
    ctx.state.textJobs[job.jobId] = job;
    await advanceTextJob(job, ctx, "tick");
    return { status: 202, headers: { "operation-location": textJobStatusUrl(ctx, job.jobId) } };
}

/** Absolute, carrying the api-version of the request that asks for it. */
export function textJobStatusUrl(ctx: RuntimeContext, jobId: string): string {
    const endpoint = addressedEndpoint(ctx.resource, ctx.request.headers.host);
    return `${endpoint}/language/analyze-text/jobs/${jobId}?api-version=${ctx.apiVersion}`;
}
