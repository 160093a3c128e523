import type { FaultRegistry, FaultTarget } from "../admin/faults";
import type { OutageRegistry } from "../admin/outages";
import type { RequestLog } from "../admin/request-log";
import type { HostedResource } from "../config/hosted-resource";
import type { Clock } from "../jobs/clock";
import type { TrainingHooks } from "../jobs/job-environment";
import type { JobRunner } from "../jobs/job-runner";
import type { JobTimingRules } from "../jobs/timing";
import type { Store } from "../state/store";
import type { AnswerContext } from "./answers";
import type { EmulatorRequest } from "./messages";
import type { RateLimiter } from "./rate-limiter";
import type { SerialQueue } from "./serial-queue";

/** What serving the Language API needs; built once by startEmulator. */
export interface LanguageService {
    readonly resources: ReadonlyMap<string, HostedResource>;
    readonly store: Store;
    readonly clock: Clock;
    readonly faults: FaultRegistry;
    /** Resources whose region is down (see admin/outages.ts). */
    readonly outages: OutageRegistry;
    readonly rateLimiter: RateLimiter;
    readonly requestLog: RequestLog;
    readonly jobRunner: JobRunner;
    readonly timingRules: JobTimingRules;
    /** Training configuration versions and model quality rules (see admin/training-routes.ts). */
    readonly training: TrainingHooks;
    /** Requests to one resource run one at a time (see serial-queue.ts). */
    readonly queue: SerialQueue;
}

/** A request that passed the pipeline's faults, auth and throttling, for the API its path is in. */
export interface AdmittedRequest {
    readonly service: LanguageService;
    readonly resource: HostedResource;
    /** Below the resource endpoint. */
    readonly path: string;
    readonly request: EmulatorRequest;
    /** What job faults match: a job the request starts may take one. */
    readonly target: FaultTarget;
    /** For the headers the service stamps on its answers. */
    readonly answerContext: AnswerContext;
}
