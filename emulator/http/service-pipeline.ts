import type { ApiFamily, ApiVersion } from "../../provider/contract";
import type { FaultRegistry, FaultTarget, RequestFault } from "../admin/faults";
import type { RequestLog } from "../admin/request-log";
import { resolveApiVersion, type VersionFeatures } from "../api/api-version-features";
import type { JobControl, RouteContext } from "../api/route-context";
import { routeTable } from "../api/route-table";
import { matchRoute } from "../api/router";
import { addressedEndpoint, type HostedResource } from "../config/hosted-resource";
import { httpErrors } from "../errors";
import type { Clock } from "../jobs/clock";
import type { JobEnvironment } from "../jobs/job-environment";
import type { JobRunner } from "../jobs/job-runner";
import type { Store } from "../state/store";
import { asServiceError, errorAnswer, serviceAnswer } from "./answers";
import { isAuthenticated } from "./authenticate";
import { isDropped, type EmulatorRequest, type Outcome } from "./messages";
import type { RateLimiter } from "./rate-limiter";
import type { SerialQueue } from "./serial-queue";

/** What serving the Language API needs; built once by startEmulator. */
export interface LanguageService {
    readonly resources: ReadonlyMap<string, HostedResource>;
    readonly store: Store;
    readonly clock: Clock;
    readonly faults: FaultRegistry;
    readonly rateLimiter: RateLimiter;
    readonly requestLog: RequestLog;
    readonly jobRunner: JobRunner;
    /** Requests to one resource run one at a time (see serial-queue.ts). */
    readonly queue: SerialQueue;
}

/**
 * `/<resource>/language/...`: the resource named by the first segment serves the rest. Every
 * request is logged with the resource it reached and the status it got.
 */
export async function serveLanguageRequest(service: LanguageService, request: EmulatorRequest): Promise<Outcome> {
    const [, resourceName = "", ...rest] = request.path.split("/");
    const resource = service.resources.get(resourceName);
    if (resource === undefined) {
        // No such host in the real world; the gateway's answer for an unknown path is the nearest.
        const answer = errorAnswer(httpErrors.resourceNotFound(), undefined);
        service.requestLog.record({
            resource: null,
            method: request.method,
            path: request.path,
            status: answer.status,
        });
        return answer;
    }
    const path = `/${rest.join("/")}`;
    const outcome = await service.queue.run(resource.name, () => serveResource(service, resource, path, request));
    service.requestLog.record({
        resource: resource.name,
        method: request.method,
        path,
        status: isDropped(outcome) ? null : outcome.status,
    });
    return outcome;
}

/** Injected faults first (they stand for the network and the gateway), then auth, throttling, routing. */
async function serveResource(
    service: LanguageService,
    resource: HostedResource,
    path: string,
    request: EmulatorRequest,
): Promise<Outcome> {
    const target: FaultTarget = { resource: resource.name, method: request.method, path };
    const fault = service.faults.takeRequestFault(target);
    if (fault !== undefined) {
        return faultOutcome(fault);
    }
    let features: VersionFeatures | undefined;
    try {
        if (!isAuthenticated(resource, request)) {
            throw httpErrors.accessDenied();
        }
        const retryAfterSeconds = service.rateLimiter.admit(resource.name, request.method);
        if (retryAfterSeconds !== undefined) {
            throw httpErrors.tooManyRequests(retryAfterSeconds);
        }
        const match = matchRoute(routeTable, request.method, path);
        const version =
            match === undefined ? undefined : resolveApiVersion(match.family, request.query.get("api-version"));
        features = version?.features;
        if (
            match === undefined ||
            version === undefined ||
            (match.route.requires !== undefined && !version.features[match.route.requires])
        ) {
            throw httpErrors.resourceNotFound();
        }
        const env: JobEnvironment = {
            resource,
            state: service.store.resource(resource.name),
            now: service.clock.now(),
        };
        await service.jobRunner.settle(env);
        const ctx: RouteContext = {
            request,
            path,
            params: match.params,
            family: match.family,
            apiVersion: version.apiVersion,
            features: version.features,
            resource,
            endpoint: addressedEndpoint(resource, request.headers.host),
            state: env.state,
            now: env.now,
            jobs: jobControl(service, env, match.family, version.apiVersion, target),
        };
        return serviceAnswer(await match.route.handler(ctx));
    } catch (error) {
        return errorAnswer(asServiceError(error), features);
    } finally {
        service.store.flush();
    }
}

function jobControl(
    service: LanguageService,
    env: JobEnvironment,
    family: ApiFamily,
    apiVersion: ApiVersion,
    target: FaultTarget,
): JobControl {
    return {
        start: (projectName, operation) =>
            service.jobRunner.start(
                { family, apiVersion, projectName, operation, forced: service.faults.takeJobFault(target) },
                env,
            ),
        poll: (job) => service.jobRunner.poll(job, env),
        cancel: (job) => service.jobRunner.cancel(job, env),
    };
}

function faultOutcome(fault: RequestFault): Outcome {
    switch (fault.kind) {
        case "dropConnection":
            return { dropConnection: true };
        case "status":
            return errorAnswer(httpErrors.serverFault(fault.status), undefined);
        case "throttle":
            return errorAnswer(httpErrors.tooManyRequests(fault.retryAfterSeconds), undefined);
    }
}
