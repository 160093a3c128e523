import { checkDeploymentName, deployBodySchemaFor, swapDeploymentsOptionsSchema } from "../../../provider/contract";
import { httpErrors } from "../../errors";
import { ok, type HttpResponse } from "../../http/messages";
import { pageOf } from "../paging";
import { renderDeployment } from "../render/deployment";
import { readBody } from "../request-body";
import { accepted, param, requireDeployment, requireProject, type RouteContext } from "../route-context";

export function listDeployments(ctx: RouteContext): HttpResponse {
    const project = requireProject(ctx);
    const deployments = Object.values(project.deployments).sort((a, b) =>
        a.deploymentName.localeCompare(b.deploymentName),
    );
    return ok(
        pageOf(
            ctx,
            deployments.map((deployment) => renderDeployment(deployment, ctx.features)),
        ),
    );
}

export function getDeployment(ctx: RouteContext): HttpResponse {
    const project = requireProject(ctx);
    return ok(renderDeployment(requireDeployment(ctx, project), ctx.features));
}

/** Creates or replaces the deployment; the model must already be trained. */
export async function putDeployment(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const deploymentName = param(ctx, "deploymentName");
    const nameProblem = checkDeploymentName(deploymentName);
    if (nameProblem !== undefined) {
        throw httpErrors.invalidParameter("deploymentName", nameProblem);
    }
    const options = readBody(ctx, deployBodySchemaFor(ctx.features.deployResourceFields));
    checkAssignedResources(options);
    // Unverified whether the service checks this up front or in the job; up front is the stricter.
    if (project.models[options.trainedModelLabel] === undefined) {
        throw httpErrors.invalidParameter(
            "trainedModelLabel",
            `The project "${project.metadata.projectName}" has no trained model "${options.trainedModelLabel}".`,
        );
    }
    const job = await ctx.jobs.start(project.metadata.projectName, {
        kind: "deploy",
        deploymentName,
        modelLabel: options.trainedModelLabel,
    });
    return accepted(ctx, job);
}

/** 202 like deploying, reporting under the same deployments/{d}/jobs path. */
export async function deleteDeployment(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const deployment = requireDeployment(ctx, project);
    const job = await ctx.jobs.start(project.metadata.projectName, {
        kind: "deleteDeployment",
        deploymentName: deployment.deploymentName,
    });
    return accepted(ctx, job);
}

export async function swapDeployments(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    const { firstDeploymentName, secondDeploymentName } = readBody(ctx, swapDeploymentsOptionsSchema);
    if (firstDeploymentName === secondDeploymentName) {
        throw httpErrors.invalidParameter("secondDeploymentName", "A deployment cannot be swapped with itself.");
    }
    requireDeployment(ctx, project, firstDeploymentName);
    requireDeployment(ctx, project, secondDeploymentName);
    const job = await ctx.jobs.start(project.metadata.projectName, {
        kind: "swap",
        firstDeploymentName,
        secondDeploymentName,
    });
    return accepted(ctx, job);
}

/**
 * Extra resources must have been assigned to the project first (`resources/:assign`, Entra-only
 * and not emulated): none ever are, so any named resource is rejected; an empty list is fine.
 */
function checkAssignedResources(options: Readonly<Record<string, unknown>>): void {
    for (const [field, value] of Object.entries(options)) {
        if (Array.isArray(value) && value.length > 0) {
            throw httpErrors.invalidParameter(
                field,
                `The resource ${JSON.stringify(value[0])} is not assigned to the project (the emulator does not emulate resource assignment).`,
            );
        }
    }
}
