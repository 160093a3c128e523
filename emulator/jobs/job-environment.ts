import type { HostedResource } from "../config/hosted-resource";
import type { JobOperation, ResourceState } from "../state/state-schema";

/** What a job sees when it progresses: its resource, that resource's state, and the time. */
export interface JobEnvironment {
    readonly resource: HostedResource;
    readonly state: ResourceState;
    readonly now: number;
}

export type OperationOf<Kind extends JobOperation["kind"]> = Extract<JobOperation, { kind: Kind }>;
