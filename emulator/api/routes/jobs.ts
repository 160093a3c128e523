import { httpErrors } from "../../errors";
import { ok, type HttpResponse } from "../../http/messages";
import { renderJobState } from "../render/job-state";
import { jobStatusUrl, param, type RouteContext } from "../route-context";

/**
 * Every job status URL. A job answers only at the exact path its trigger returned, so a job id
 * polled under another project, kind or deployment is not found.
 */
export async function getJobStatus(ctx: RouteContext): Promise<HttpResponse> {
    const jobId = param(ctx, "jobId");
    const job = ctx.state.jobs[jobId];
    if (job?.statusPath !== ctx.path) {
        throw httpErrors.operationNotFound(jobId);
    }
    await ctx.jobs.poll(job);
    return ok(renderJobState(job, jobStatusUrl(ctx, job), ctx.now, ctx.features));
}
