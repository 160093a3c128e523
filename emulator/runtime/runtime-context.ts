import type { RuntimeApiVersion } from "../../provider/contract";
import type { HostedResource } from "../config/hosted-resource";
import type { EmulatorRequest, HttpResponse } from "../http/messages";
import type { JobTiming } from "../jobs/timing";
import type { ForcedOutcome, ResourceState } from "../state/state-schema";

/** The two runtime APIs; each has its own api-versions. */
export type RuntimeApi = "analyze-conversations" | "analyze-text";

/** How a text analysis job started now progresses: the timing rules, and any injected job fault. */
export interface NewJobTerms {
    readonly timing: JobTiming;
    readonly forced: ForcedOutcome | undefined;
}

/** Everything a runtime handler needs about the request it answers. */
export interface RuntimeContext {
    readonly request: EmulatorRequest;
    /** The path's parameters in order (e.g. the job id), decoded. */
    readonly params: readonly string[];
    readonly resource: HostedResource;
    readonly state: ResourceState;
    readonly now: number;
    readonly apiVersion: RuntimeApiVersion;
    /** Consumes a matching job fault, so call it only when a job is really started. */
    newJobTerms(): NewJobTerms;
}

export type RuntimeHandler = (ctx: RuntimeContext) => Promise<HttpResponse> | HttpResponse;
