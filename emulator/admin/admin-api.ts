import { renderProjectMetadata } from "../api/render/project-metadata";
import { markModified } from "../domain/projects";
import { adminErrors } from "../errors";
import { asServiceError, errorAnswer } from "../http/answers";
import { ok, type EmulatorRequest, type HttpResponse } from "../http/messages";
import type { LanguageService } from "../http/language-service";
import {
    faultRuleSchema,
    jobTimingRequestSchema,
    outageSchema,
    projectEditSchema,
    rateLimitsRequestSchema,
} from "./admin-schemas";
import { type AdminContext, type AdminRoute, noContent, readAdminBody } from "./admin-route";
import { applyProjectEdit } from "./project-edits";
import { trainingRoutes } from "./training-routes";

/** Everything under `/_emulator/`: test controls, not part of the Language API. */
export const adminPrefix = "/_emulator";

export type { AdminContext } from "./admin-route";

const adminRoutes: readonly AdminRoute[] = [
    {
        method: "GET",
        pattern: /^\/resources$/,
        handle: ({ service }) =>
            ok({
                value: [...service.resources.values()].map(({ name, region, endpoint, storage }) => {
                    const outage = service.outages.current(name);
                    return {
                        name,
                        region,
                        endpoint,
                        ...(storage === undefined ? {} : { storageAccount: storage.accountName }),
                        ...(outage === undefined ? {} : { outage, heldRequests: service.outages.heldCount(name) }),
                    };
                }),
            }),
    },
    {
        method: "PUT",
        pattern: /^\/resources\/([^/]+)\/outage$/,
        handle: ({ service }, request, match) => {
            const resource = requireHostedResource(service, decodeURIComponent(match[1]!));
            const outage = readAdminBody(request, outageSchema);
            service.outages.begin(resource, outage);
            return ok({ resource, outage });
        },
    },
    {
        method: "DELETE",
        pattern: /^\/resources\/([^/]+)\/outage$/,
        handle: ({ service }, _request, match) => {
            service.outages.end(requireHostedResource(service, decodeURIComponent(match[1]!)));
            return noContent;
        },
    },
    {
        method: "GET",
        pattern: /^\/job-timing$/,
        handle: ({ service }) => ok({ value: service.timingRules.list() }),
    },
    {
        method: "PUT",
        pattern: /^\/job-timing$/,
        handle: ({ service }, request) => {
            const { timing, ...scope } = readAdminBody(request, jobTimingRequestSchema);
            service.timingRules.set(scope, timing);
            return ok({ value: service.timingRules.list() });
        },
    },
    {
        method: "DELETE",
        pattern: /^\/job-timing$/,
        handle: ({ service }) => {
            service.timingRules.reset();
            return noContent;
        },
    },
    {
        method: "GET",
        pattern: /^\/rate-limits$/,
        handle: ({ service }) => ok({ limits: service.rateLimiter.current() }),
    },
    {
        method: "PUT",
        pattern: /^\/rate-limits$/,
        handle: ({ service }, request) => {
            service.rateLimiter.set(readAdminBody(request, rateLimitsRequestSchema).limits);
            return ok({ limits: service.rateLimiter.current() });
        },
    },
    {
        method: "DELETE",
        pattern: /^\/rate-limits$/,
        handle: ({ service }) => {
            service.rateLimiter.reset();
            return noContent;
        },
    },
    {
        method: "GET",
        pattern: /^\/faults$/,
        handle: ({ service }) => ok({ value: service.faults.list() }),
    },
    {
        method: "POST",
        pattern: /^\/faults$/,
        handle: ({ service }, request) => ({
            status: 201,
            body: service.faults.add(readAdminBody(request, faultRuleSchema)),
        }),
    },
    {
        method: "DELETE",
        pattern: /^\/faults$/,
        handle: ({ service }) => {
            service.faults.clear();
            return noContent;
        },
    },
    {
        method: "GET",
        pattern: /^\/requests$/,
        handle: ({ service }, request) =>
            ok({ value: service.requestLog.list(request.query.get("resource") ?? undefined) }),
    },
    {
        method: "DELETE",
        pattern: /^\/requests$/,
        handle: ({ service }, request) => {
            service.requestLog.clear(request.query.get("resource") ?? undefined);
            return noContent;
        },
    },
    {
        method: "POST",
        pattern: /^\/resources\/([^/]+)\/projects\/([^/]+)\/edits$/,
        handle: ({ service }, request, match) =>
            editProject(service, request, decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)),
    },
    ...trainingRoutes,
];

export async function serveAdminRequest(admin: AdminContext, request: EmulatorRequest): Promise<HttpResponse> {
    const path = request.path.slice(adminPrefix.length);
    try {
        for (const route of adminRoutes) {
            const match = route.method === request.method ? route.pattern.exec(path) : null;
            if (match !== null) {
                return await route.handle(admin, request, match);
            }
        }
        throw adminErrors.notFound(`No admin operation ${request.method} ${request.path}.`);
    } catch (error) {
        return errorAnswer(asServiceError(error), undefined);
    }
}

/** The resource a path names, or the admin 404. */
function requireHostedResource(service: LanguageService, name: string): string {
    if (!service.resources.has(name)) {
        throw adminErrors.notFound(`The emulator hosts no resource "${name}".`);
    }
    return name;
}

/** A Language Studio edit: saved at once, moving lastModifiedDateTime, serialized with the resource's requests. */
function editProject(
    service: LanguageService,
    request: EmulatorRequest,
    resourceName: string,
    projectName: string,
): Promise<HttpResponse> {
    requireHostedResource(service, resourceName);
    const edit = readAdminBody(request, projectEditSchema);
    return service.queue.run(resourceName, async () => {
        const project = service.store.resource(resourceName).projects[projectName];
        if (project === undefined) {
            throw adminErrors.notFound(`The resource "${resourceName}" has no project "${projectName}".`);
        }
        const edited = applyProjectEdit({ metadata: project.metadata, assets: project.assets }, edit);
        project.metadata = edited.metadata;
        project.assets = edited.assets;
        markModified(project, service.clock.now());
        service.store.flush();
        return ok(renderProjectMetadata(project));
    });
}
