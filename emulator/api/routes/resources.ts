import { ok, type HttpResponse } from "../../http/messages";
import { pageOf } from "../paging";
import { requireProject, type RouteContext } from "../route-context";

// Assigning resources to a project (`resources/:assign`) is Entra-only and not emulated, so no
// project ever has one and no other resource's project is ever deployed here: both lists are empty.

/** `GET {p}/resources`: the resources assigned to the project. */
export function listProjectResources(ctx: RouteContext): HttpResponse {
    requireProject(ctx);
    return ok(pageOf(ctx, []));
}

/** `GET global/deployments/resources`: deployments of other resources' projects rolled out here. */
export function listAssignedDeployments(ctx: RouteContext): HttpResponse {
    return ok(pageOf(ctx, []));
}
