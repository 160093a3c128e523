import type { ApiFamily, ApiVersion } from "../../provider/contract";
import type { FaultTarget } from "../admin/faults";
import { addressedEndpoint } from "../config/hosted-resource";
import { httpErrors } from "../errors";
import { asServiceError, errorAnswer, serviceAnswer } from "../http/answers";
import type { HttpResponse } from "../http/messages";
import type { AdmittedRequest, LanguageService } from "../http/language-service";
import type { JobEnvironment } from "../jobs/job-environment";
import { resolveApiVersion, type VersionFeatures } from "./api-version-features";
import type { JobControl, RouteContext } from "./route-context";
import { routeTable } from "./route-table";
import { matchRoute } from "./router";

/**
 * An authoring request that passed the pipeline's faults, auth and throttling: jobs due by now
 * finish first, then the operation of its path and api-version answers (or the gateway's 404).
 */
export async function serveAuthoringRequest(admitted: AdmittedRequest): Promise<HttpResponse> {
    const { service, resource, path, request, target, answerContext } = admitted;
    let features: VersionFeatures | undefined;
    try {
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
            training: service.training,
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
            trainingConfigs: service.training.configs,
        };
        return serviceAnswer(await match.route.handler(ctx), answerContext);
    } catch (error) {
        return errorAnswer(asServiceError(error), features, answerContext);
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
