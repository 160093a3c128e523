import type { ApiFamily, ApiVersion } from "../../provider/contract";
import type { TrainingConfigCatalog } from "../catalog/training-config-catalog";
import type { HostedResource } from "../config/hosted-resource";
import { ownEntry } from "../domain/own-entry";
import { findProject } from "../domain/projects";
import { httpErrors } from "../errors";
import type { EmulatorRequest, HttpResponse } from "../http/messages";
import type {
    JobOperation,
    ResourceState,
    StoredDeployment,
    StoredJob,
    StoredModel,
    StoredProject,
} from "../state/state-schema";
import type { VersionFeatures } from "./api-version-features";

/** Starting and observing jobs from a handler; the pipeline binds resource, state, clock and faults. */
export interface JobControl {
    start(projectName: string, operation: JobOperation): Promise<StoredJob>;
    poll(job: StoredJob): Promise<void>;
    cancel(job: StoredJob): Promise<void>;
}

/** Everything a service operation handler needs about the request it answers. */
export interface RouteContext {
    readonly request: EmulatorRequest;
    /** The request path below the resource endpoint, e.g. `/language/authoring/analyze-text/projects`. */
    readonly path: string;
    readonly params: Readonly<Record<string, string>>;
    readonly family: ApiFamily;
    readonly apiVersion: ApiVersion;
    readonly features: VersionFeatures;
    readonly resource: HostedResource;
    /** The resource's endpoint as this request addressed it (see `addressedEndpoint`). */
    readonly endpoint: string;
    readonly state: ResourceState;
    readonly now: number;
    readonly jobs: JobControl;
    /** The training configuration versions offered now (the admin API can replace them). */
    readonly trainingConfigs: TrainingConfigCatalog;
}

export type RouteHandler = (ctx: RouteContext) => Promise<HttpResponse> | HttpResponse;

export function param(ctx: RouteContext, name: string): string {
    const value = ctx.params[name];
    if (value === undefined) {
        throw new Error(`route has no parameter "${name}"`);
    }
    return value;
}

export function requireProject(ctx: RouteContext): StoredProject {
    const projectName = param(ctx, "projectName");
    const project = findProject(ctx.state, ctx.family, projectName);
    if (project === undefined) {
        throw httpErrors.projectNotFound(projectName);
    }
    return project;
}

export function requireModel(
    ctx: RouteContext,
    project: StoredProject,
    label = param(ctx, "trainedModelLabel"),
): StoredModel {
    return requireEntry(project.models, label, "trained model");
}

export function requireDeployment(
    ctx: RouteContext,
    project: StoredProject,
    name = param(ctx, "deploymentName"),
): StoredDeployment {
    return requireEntry(project.deployments, name, "deployment");
}

function requireEntry<Entry>(entries: Readonly<Record<string, Entry>>, name: string, what: string): Entry {
    const entry = ownEntry(entries, name);
    if (entry === undefined) {
        throw httpErrors.notFound(what, name);
    }
    return entry;
}

/** The status URL of a job: absolute and carrying the api-version of its trigger. */
export function jobStatusUrl(ctx: RouteContext, job: StoredJob): string {
    return `${ctx.endpoint}${job.statusPath}?api-version=${job.apiVersion}`;
}

/** A trigger's answer: 202, no body, the status URL in a lowercase `operation-location` header. */
export function accepted(ctx: RouteContext, job: StoredJob): HttpResponse {
    return { status: 202, headers: { "operation-location": jobStatusUrl(ctx, job) } };
}
