import type { ProjectKind, ProjectMetadata, TrainingConfigVersion } from "../provider/contract";
import type { FaultRuleInput, JobTimingRequest, Outage, OutageInput, ProjectEdit } from "./admin/admin-schemas";
import type { ActiveFault } from "./admin/faults";
import type { ActiveModelQualityRule, ModelQualityRuleInput } from "./admin/model-quality";
import type { RequestLogEntry } from "./admin/request-log";
import type { JobTiming, TimingRule, TimingScope } from "./jobs/timing";

/** A hosted resource as the admin API lists it (no keys). */
export interface AdminResource {
    readonly name: string;
    readonly region: string;
    readonly endpoint: string;
    readonly storageAccount?: string;
    /** Present while the resource's region is down. */
    readonly outage?: Outage;
    /** With an outage: how many requests it holds unanswered right now. */
    readonly heldRequests?: number;
}

/** Raised for any non-2xx answer of the admin API. */
export class AdminApiError extends Error {
    override readonly name = "AdminApiError";

    constructor(
        message: string,
        readonly status: number,
    ) {
        super(message);
    }
}

/** Typed access to the emulator's admin API (`{url}/_emulator/...`), for tests and scripts. */
export class EmulatorAdminClient {
    /**
     * `url` is the emulator's base URL, e.g. RunningEmulator.url. `send` is how requests travel:
     * the global fetch, unless a test hands the emulator's requests over in process.
     */
    constructor(
        private readonly url: string,
        private readonly send: typeof fetch = fetch,
    ) {}

    async resources(): Promise<AdminResource[]> {
        return (await this.call<{ value: AdminResource[] }>("GET", "/resources")).value;
    }

    /** Timing for jobs started from now on; the scope narrows it to a resource and/or operation. */
    async setJobTiming(timing: JobTiming, scope: TimingScope = {}): Promise<void> {
        const request: JobTimingRequest = { ...scope, timing };
        await this.call("PUT", "/job-timing", request);
    }

    async jobTimings(): Promise<TimingRule[]> {
        return (await this.call<{ value: TimingRule[] }>("GET", "/job-timing")).value;
    }

    /** Back to the timing the emulator started with. */
    async resetJobTiming(): Promise<void> {
        await this.call("DELETE", "/job-timing");
    }

    async addFault(rule: FaultRuleInput): Promise<ActiveFault> {
        return this.call<ActiveFault>("POST", "/faults", rule);
    }

    /** Faults that still have requests left to hit. */
    async faults(): Promise<ActiveFault[]> {
        return (await this.call<{ value: ActiveFault[] }>("GET", "/faults")).value;
    }

    async clearFaults(): Promise<void> {
        await this.call("DELETE", "/faults");
    }

    /**
     * Takes the resource's region down: every request to it (authoring and runtime) answers the
     * status (503 by default), loses its connection, or hangs, until `endOutage`.
     */
    async startOutage(resource: string, outage: OutageInput): Promise<Outage> {
        const path = `/resources/${encodeURIComponent(resource)}/outage`;
        return (await this.call<{ outage: Outage }>("PUT", path, outage)).outage;
    }

    /** Brings the region back; requests held by a `hang` outage are closed unanswered. */
    async endOutage(resource: string): Promise<void> {
        await this.call("DELETE", `/resources/${encodeURIComponent(resource)}/outage`);
    }

    /** Edits a project as a Language Studio user would; answers the project's new metadata. */
    async editProject(resource: string, project: string, edit: ProjectEdit): Promise<ProjectMetadata> {
        return this.call<ProjectMetadata>(
            "POST",
            `/resources/${encodeURIComponent(resource)}/projects/${encodeURIComponent(project)}/edits`,
            edit,
        );
    }

    /**
     * Replaces the training configuration versions offered for a kind (oldest first; the last is
     * `"latest"`): a version about to expire, or a newer one released. New models and deployments
     * take their expiration dates from it.
     */
    async setTrainingConfigs(kind: ProjectKind, versions: readonly TrainingConfigVersion[]): Promise<void> {
        await this.call("PUT", `/training-configs/${kind}`, { value: versions });
    }

    async trainingConfigs(kind: ProjectKind): Promise<TrainingConfigVersion[]> {
        return (await this.call<{ value: TrainingConfigVersion[] }>("GET", `/training-configs/${kind}`)).value;
    }

    /** Back to the published training configuration versions of every kind. */
    async resetTrainingConfigs(): Promise<void> {
        await this.call("DELETE", "/training-configs");
    }

    /**
     * Makes the next trainings matching the rule (resource and project, the next `times`, default
     * 1) turn out worse: a poor evaluation, diverging predictions, or both.
     */
    async degradeModels(rule: ModelQualityRuleInput): Promise<ActiveModelQualityRule> {
        return this.call<ActiveModelQualityRule>("POST", "/model-quality", rule);
    }

    /** Quality rules that still have trainings left to hit. */
    async modelQualityRules(): Promise<ActiveModelQualityRule[]> {
        return (await this.call<{ value: ActiveModelQualityRule[] }>("GET", "/model-quality")).value;
    }

    async clearModelQualityRules(): Promise<void> {
        await this.call("DELETE", "/model-quality");
    }

    /** Every request that reached the Language API, oldest first; optionally of one resource. */
    async requests(resource?: string): Promise<RequestLogEntry[]> {
        const query = resource === undefined ? "" : `?resource=${encodeURIComponent(resource)}`;
        return (await this.call<{ value: RequestLogEntry[] }>("GET", `/requests${query}`)).value;
    }

    /** Forgets the logged requests, of every resource or of one. */
    async clearRequests(resource?: string): Promise<void> {
        const query = resource === undefined ? "" : `?resource=${encodeURIComponent(resource)}`;
        await this.call("DELETE", `/requests${query}`);
    }

    private async call<Answer = void>(method: string, path: string, body?: unknown): Promise<Answer> {
        const response = await this.send(`${this.url}/_emulator${path}`, {
            method,
            ...(body === undefined
                ? {}
                : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
        });
        const text = await response.text();
        if (!response.ok) {
            const message = (JSON.parse(text || "{}") as { error?: { message?: string } }).error?.message ?? text;
            throw new AdminApiError(
                `emulator admin ${method} ${path}: HTTP ${response.status}: ${message}`,
                response.status,
            );
        }
        return (text === "" ? undefined : JSON.parse(text)) as Answer;
    }
}
