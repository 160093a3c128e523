import type { ModelQualityRules } from "../admin/model-quality";
import type { TrainingConfigCatalog } from "../catalog/training-config-catalog";
import type { HostedResource } from "../config/hosted-resource";
import type { JobOperation, ResourceState } from "../state/state-schema";

/** What a job sees when it progresses: its resource, that resource's state, and the time. */
export interface JobEnvironment {
    readonly resource: HostedResource;
    readonly state: ResourceState;
    readonly now: number;
    /** What training knows of configuration versions, and how the next models turn out (admin API). */
    readonly training: TrainingHooks;
}

/** The service-wide settings training reads, which tests change through the admin API. */
export interface TrainingHooks {
    readonly configs: TrainingConfigCatalog;
    readonly quality: ModelQualityRules;
}

export type OperationOf<Kind extends JobOperation["kind"]> = Extract<JobOperation, { kind: Kind }>;
