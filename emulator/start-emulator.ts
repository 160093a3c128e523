import { parseContract } from "../provider/contract";
import { adminPrefix, serveAdminRequest, type AdminContext } from "./admin/admin-api";
import { FaultRegistry } from "./admin/faults";
import { ModelQualityRules } from "./admin/model-quality";
import { TrainingConfigCatalog } from "./catalog/training-config-catalog";
import { OutageRegistry } from "./admin/outages";
import { RequestLog } from "./admin/request-log";
import { defaultResources } from "./config/default-resources";
import { hostResource, type HostedResource } from "./config/hosted-resource";
import { resourceDefinitionsSchema, type ResourceDefinition } from "./config/resources";
import { RateLimiter, documentedRateLimits, type RateLimits } from "./http/rate-limiter";
import { SerialQueue } from "./http/serial-queue";
import { listen, type RequestHandler } from "./http/server";
import type { LanguageService } from "./http/language-service";
import { serveLanguageRequest } from "./http/service-pipeline";
import { systemClock, type Clock } from "./jobs/clock";
import { JobRunner } from "./jobs/job-runner";
import { defaultJobTiming, JobTimingRules, type JobTiming } from "./jobs/timing";
import { Store } from "./state/store";

export interface EmulatorOptions {
    /** 0 picks a free port. The emulator listens on 127.0.0.1 only. */
    readonly port: number;
    /** Defaults to `primary` (westeurope) and `secondary` (northeurope) with the well-known keys. */
    readonly resources?: readonly ResourceDefinition[];
    /** Keeps all state across restarts; in memory when absent. */
    readonly dataDir?: string;
    /** How jobs progress unless the admin API says otherwise; after 3 polls by default. */
    readonly jobTiming?: JobTiming;
    /** The service's documented limits by default; `false` turns throttling off. */
    readonly rateLimits?: RateLimits | false;
    /** Time as the emulator sees it; tests pass a ManualClock. */
    readonly clock?: Clock;
}

export interface EmulatorResource {
    readonly name: string;
    readonly region: string;
    /** `{url}/{name}`: the `{Endpoint}` of the Language API paths. */
    readonly endpoint: string;
    readonly keys: readonly [string, string];
}

export interface RunningEmulator {
    /** `http://127.0.0.1:<port>`; the admin API is at `{url}/_emulator`. */
    readonly url: string;
    readonly resources: readonly EmulatorResource[];
    stop(): Promise<void>;
}

/** What serving needs besides the resources: one store, clock, timing and outage registry. */
interface SharedParts {
    readonly store: Store;
    readonly clock: Clock;
    readonly timingRules: JobTimingRules;
    readonly outages: OutageRegistry;
}

/**
 * The emulator's request handler for resources served under `url`: the admin API at
 * `/_emulator`, every other path the Language API. The server hands it requests from sockets;
 * fast tests hand it requests directly.
 */
export function emulatorHandler(
    definitions: readonly ResourceDefinition[],
    url: string,
    options: Pick<EmulatorOptions, "rateLimits">,
    shared: SharedParts,
): RequestHandler {
    const resources = new Map<string, HostedResource>(
        definitions.map((definition) => [definition.name, hostResource(definition, url)]),
    );
    const service: LanguageService = {
        resources,
        ...shared,
        faults: new FaultRegistry(),
        rateLimiter: new RateLimiter(options.rateLimits ?? documentedRateLimits, shared.clock),
        requestLog: new RequestLog(shared.clock),
        jobRunner: new JobRunner(shared.timingRules),
        training: { configs: new TrainingConfigCatalog(), quality: new ModelQualityRules() },
        queue: new SerialQueue(),
    };
    const admin: AdminContext = { service };
    return (request) =>
        request.path === adminPrefix || request.path.startsWith(`${adminPrefix}/`)
            ? serveAdminRequest(admin, request)
            : serveLanguageRequest(service, request);
}

/** The emulator's resources as configured: the well-known primary and secondary unless given. */
export function emulatorResources(resources: EmulatorOptions["resources"]): readonly ResourceDefinition[] {
    return parseContract(resourceDefinitionsSchema, resources ?? defaultResources(), "emulator resources");
}

/** Starts the Language emulator (authoring and runtime); every resource shares one port under its own path prefix. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
    const definitions = emulatorResources(options.resources);
    const store = Store.open(options.dataDir);
    const outages = new OutageRegistry();
    const shared: SharedParts = {
        store,
        clock: options.clock ?? systemClock,
        timingRules: new JobTimingRules(options.jobTiming ?? defaultJobTiming),
        outages,
    };
    const server = await listen(options.port, (url) => emulatorHandler(definitions, url, options, shared));
    let stopping: Promise<void> | undefined;
    return {
        url: server.url,
        resources: definitions.map((definition) => ({
            name: definition.name,
            region: definition.region,
            endpoint: `${server.url}/${definition.name}`,
            keys: definition.keys,
        })),
        // Idempotent: test teardown may stop an emulator its test already stopped. Requests held
        // by an outage are let go first, so no socket outlives the server.
        stop: () => {
            outages.endAll();
            return (stopping ??= server.close().then(() => store.flush()));
        },
    };
}
