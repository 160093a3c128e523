import type { Outage } from "../admin/admin-schemas";
import type { FaultTarget, RequestFault } from "../admin/faults";
import { serveAuthoringRequest } from "../api/serve-authoring";
import type { HostedResource } from "../config/hosted-resource";
import { httpErrors } from "../errors";
import { isAuthoringPath } from "../runtime/runtime-routes";
import { serveRuntimeRequest } from "../runtime/serve-runtime";
import { asServiceError, errorAnswer, type AnswerContext } from "./answers";
import { isAuthenticated } from "./authenticate";
import { isDropped, type EmulatorRequest, type Outcome } from "./messages";
import type { AdmittedRequest, LanguageService } from "./language-service";

/**
 * `/<resource>/language/...`: the resource named by the first segment serves the rest, unless its
 * region is down. Every request is logged with the resource it reached and the status it got.
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
    const answerContext: AnswerContext = { region: resource.region, startedAt: performance.now() };
    const outage = service.outages.current(resource.name);
    // A region that is down answers before the resource's queue: held requests must not block it.
    const outcome =
        outage === undefined
            ? await service.queue.run(resource.name, () =>
                  serveResource(service, resource, path, request, answerContext),
              )
            : await outageOutcome(service, resource.name, outage, answerContext);
    service.requestLog.record({
        resource: resource.name,
        method: request.method,
        path,
        status: isDropped(outcome) ? null : outcome.status,
    });
    return outcome;
}

/**
 * Injected faults first (they stand for the network and the gateway), then auth and throttling
 * (runtime requests in a budget of their own), then the authoring or the runtime API.
 */
async function serveResource(
    service: LanguageService,
    resource: HostedResource,
    path: string,
    request: EmulatorRequest,
    answerContext: AnswerContext,
): Promise<Outcome> {
    const target: FaultTarget = { resource: resource.name, method: request.method, path };
    const fault = service.faults.takeRequestFault(target);
    if (fault !== undefined) {
        return faultOutcome(fault, request, answerContext);
    }
    try {
        if (!isAuthenticated(resource, request)) {
            throw httpErrors.accessDenied();
        }
        const authoring = isAuthoringPath(path);
        const retryAfterSeconds = authoring
            ? service.rateLimiter.admit(resource.name, request.method)
            : service.rateLimiter.admitPrediction(resource.name);
        if (retryAfterSeconds !== undefined) {
            throw httpErrors.tooManyRequests(retryAfterSeconds);
        }
        const admitted: AdmittedRequest = { service, resource, path, request, target, answerContext };
        return authoring ? await serveAuthoringRequest(admitted) : await serveRuntimeRequest(admitted);
    } catch (error) {
        return errorAnswer(asServiceError(error), undefined, answerContext);
    } finally {
        service.store.flush();
    }
}

/** The region is down: a 5xx, a dropped connection, or no answer until the outage ends. */
async function outageOutcome(
    service: LanguageService,
    resourceName: string,
    outage: Outage,
    answerContext: AnswerContext,
): Promise<Outcome> {
    switch (outage.mode) {
        case "status":
            return errorAnswer(httpErrors.serverFault(outage.status), undefined, answerContext);
        case "dropConnection":
            return { dropConnection: true };
        case "hang":
            await service.outages.hold(resourceName);
            return { dropConnection: true };
    }
}

function faultOutcome(fault: RequestFault, request: EmulatorRequest, answerContext: AnswerContext): Outcome {
    switch (fault.kind) {
        case "echoRequest": {
            const echoed = { ...request, body: request.body.toString("utf8") };
            return errorAnswer(httpErrors.echoedRequest(fault.status, echoed), undefined, answerContext);
        }
        case "dropConnection":
            return { dropConnection: true };
        case "status":
            return errorAnswer(httpErrors.serverFault(fault.status), undefined, answerContext);
        case "throttle":
            return errorAnswer(httpErrors.tooManyRequests(fault.retryAfterSeconds), undefined, answerContext);
    }
}
