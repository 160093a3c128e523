import { ownEntry } from "../../domain/own-entry";
import { httpErrors } from "../../errors";
import { ok, type HttpResponse } from "../../http/messages";
import { isTerminal, startCancelling } from "../../jobs/progression";
import type { StoredTextJob } from "../../state/state-schema";
import type { RuntimeContext } from "../runtime-context";
import { renderTextJob } from "./render-text-job";
import { textJobStatusUrl } from "./submit-text-job";
import { advanceTextJob } from "./text-job-progress";

/** `GET /language/analyze-text/jobs/{jobId}`: a poll, with `showStats` and `top`/`skip` paging. */
export async function getTextJob(ctx: RuntimeContext): Promise<HttpResponse> {
    const job = requireTextJob(ctx);
    const showStats = booleanQuery(ctx, "showStats");
    const top = integerQuery(ctx, "top", 1);
    const skip = integerQuery(ctx, "skip", 0) ?? 0;
    await advanceTextJob(job, ctx, "poll");
    const statusUrl = textJobStatusUrl(ctx, job.jobId);
    return ok(renderTextJob(job, { statusUrl, showStats, top, skip }));
}

/**
 * `POST /language/analyze-text/jobs/{jobId}:cancel`: 202 pointing at the job, which goes
 * cancelling -> cancelled. Unverified: a finished job answers 409, as authoring cancels do here.
 */
export async function cancelTextJob(ctx: RuntimeContext): Promise<HttpResponse> {
    const job = requireTextJob(ctx);
    if (isTerminal(job.status)) {
        throw httpErrors.conflict(`The job ${job.jobId} has already finished (${job.status}) and cannot be cancelled.`);
    }
    if (job.phase === "main") {
        startCancelling(job, ctx.now);
        await advanceTextJob(job, ctx, "tick");
    }
    return { status: 202, headers: { "operation-location": textJobStatusUrl(ctx, job.jobId) } };
}

function requireTextJob(ctx: RuntimeContext): StoredTextJob {
    const jobId = ctx.params[0]!;
    const job = ownEntry(ctx.state.textJobs, jobId);
    if (job === undefined) {
        throw httpErrors.operationNotFound(jobId);
    }
    return job;
}

function booleanQuery(ctx: RuntimeContext, name: string): boolean {
    const value = ctx.request.query.get(name);
    if (value === null || value === "false") {
        return false;
    }
    if (value === "true") {
        return true;
    }
    throw httpErrors.invalidParameter(name, `The query parameter "${name}" must be true or false, got "${value}".`);
}

/** The spec's `top`/`skip`; the `$top`/`$skip` spelling of older Cognitive Services clients is read too. */
function integerQuery(ctx: RuntimeContext, name: string, minimum: number): number | undefined {
    const value = ctx.request.query.get(name) ?? ctx.request.query.get(`$${name}`);
    if (value === null) {
        return undefined;
    }
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < minimum) {
        throw httpErrors.invalidParameter(
            name,
            `The query parameter "${name}" must be a whole number of at least ${minimum}, got "${value}".`,
        );
    }
    return parsed;
}
