import { decodeSegment } from "../api/router";
import { analyzeConversation } from "./analyze-conversation";
import type { RuntimeApi, RuntimeHandler } from "./runtime-context";
import { submitTextJob } from "./text-jobs/submit-text-job";
import { cancelTextJob, getTextJob } from "./text-jobs/text-job-status";

/** One runtime operation: method, path below the resource endpoint, the API it belongs to. */
export interface RuntimeRoute {
    readonly method: string;
    readonly pattern: RegExp;
    readonly api: RuntimeApi;
    readonly handler: RuntimeHandler;
}

const jobId = "([^/:]+)";

/** The prediction operations of both runtime APIs (the specs' `paths`, for the custom project kinds). */
export const runtimeRoutes: readonly RuntimeRoute[] = [
    {
        method: "POST",
        pattern: /^\/language\/:analyze-conversations$/,
        api: "analyze-conversations",
        handler: analyzeConversation,
    },
    { method: "POST", pattern: /^\/language\/analyze-text\/jobs$/, api: "analyze-text", handler: submitTextJob },
    {
        method: "GET",
        pattern: new RegExp(`^/language/analyze-text/jobs/${jobId}$`),
        api: "analyze-text",
        handler: getTextJob,
    },
    {
        method: "POST",
        pattern: new RegExp(`^/language/analyze-text/jobs/${jobId}:cancel$`),
        api: "analyze-text",
        handler: cancelTextJob,
    },
];

/** Authoring paths go to the authoring router; everything else below a resource is runtime (or unknown). */
export function isAuthoringPath(path: string): boolean {
    return path.startsWith("/language/authoring/");
}

export interface RuntimeMatch {
    readonly route: RuntimeRoute;
    readonly params: readonly string[];
}

export function matchRuntimeRoute(method: string, path: string): RuntimeMatch | undefined {
    for (const route of runtimeRoutes) {
        const match = route.method === method ? route.pattern.exec(path) : null;
        if (match !== null) {
            const params = match.slice(1).map(decodeSegment);
            return params.includes(undefined) ? undefined : { route, params: params as string[] };
        }
    }
    return undefined;
}
