import { evaluateModel } from "../../domain/evaluation/evaluated-items";
import { renderEvaluatedItem } from "../../domain/evaluation/item-results";
import { summarizeEvaluation } from "../../domain/evaluation/summary";
import { httpErrors } from "../../errors";
import { ensureTrained } from "../../jobs/effects/ensure-trained";
import { ok, type HttpResponse } from "../../http/messages";
import { pageOf } from "../paging";
import { renderModel } from "../render/model";
import { requireStringIndexType } from "../request-body";
import { accepted, requireModel, requireProject, type RouteContext } from "../route-context";

export function listModels(ctx: RouteContext): HttpResponse {
    const project = requireProject(ctx);
    const models = Object.values(project.models).sort((a, b) => a.trainedMs - b.trainedMs);
    return ok(
        pageOf(
            ctx,
            models.map((model) => renderModel(model, ctx.features)),
        ),
    );
}

export function getModel(ctx: RouteContext): HttpResponse {
    const project = requireProject(ctx);
    return ok(renderModel(requireModel(ctx, project), ctx.features));
}

/** Synchronous 204. Unverified: a model still serving a deployment is refused rather than orphaned. */
export function deleteModel(ctx: RouteContext): HttpResponse {
    const project = requireProject(ctx);
    const model = requireModel(ctx, project);
    const serving = Object.values(project.deployments).find((deployment) => deployment.modelId === model.modelId);
    if (serving !== undefined) {
        throw httpErrors.conflict(
            `The model "${model.label}" is deployed as "${serving.deploymentName}"; delete or redeploy that deployment first.`,
        );
    }
    delete project.models[model.label];
    return { status: 204 };
}

export async function loadSnapshot(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const model = requireModel(ctx, project);
    const job = await ctx.jobs.start(project.metadata.projectName, { kind: "loadSnapshot", modelLabel: model.label });
    return accepted(ctx, job);
}

export async function getEvaluationSummary(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const model = requireModel(ctx, project);
    return ok(summarizeEvaluation(model, evaluateModel(model, await ensureTrained(model, ctx.resource))));
}

export async function getEvaluationResults(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const model = requireModel(ctx, project);
    requireStringIndexType(ctx);
    const items = evaluateModel(model, await ensureTrained(model, ctx.resource));
    return ok(pageOf(ctx, items.map(renderEvaluatedItem)));
}
