import { httpErrors } from "../errors";
import { asServiceError, errorAnswer, serviceAnswer } from "../http/answers";
import type { HttpResponse } from "../http/messages";
import type { AdmittedRequest } from "../http/language-service";
import type { RuntimeContext } from "./runtime-context";
import { matchRuntimeRoute } from "./runtime-routes";
import { resolveRuntimeVersion, runtimeErrorFeatures } from "./runtime-versions";
import { forgetExpiredTextJobs } from "./text-jobs/text-job-progress";

/**
 * A runtime request that passed the pipeline's faults, auth and throttling: an unknown path or
 * api-version gets the gateway's 404, like authoring ones.
 */
export async function serveRuntimeRequest(admitted: AdmittedRequest): Promise<HttpResponse> {
    const { service, resource, path, request, target, answerContext } = admitted;
    try {
        const match = matchRuntimeRoute(request.method, path);
        const apiVersion =
            match === undefined ? undefined : resolveRuntimeVersion(match.route.api, request.query.get("api-version"));
        if (match === undefined || apiVersion === undefined) {
            throw httpErrors.resourceNotFound();
        }
        const state = service.store.resource(resource.name);
        const now = service.clock.now();
        forgetExpiredTextJobs(state, now);
        const ctx: RuntimeContext = {
            request,
            params: match.params,
            resource,
            state,
            now,
            apiVersion,
            newJobTerms: () => ({
                timing: service.timingRules.resolve(resource.name, "analyzeText"),
                forced: service.faults.takeJobFault(target),
            }),
        };
        return serviceAnswer(await match.route.handler(ctx), answerContext);
    } catch (error) {
        return errorAnswer(asServiceError(error), runtimeErrorFeatures, answerContext);
    }
}
