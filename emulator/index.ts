// What tests and scripts import to run the emulator in-process.
export { EmulatorAdminClient, AdminApiError, type AdminResource } from "./admin-client";
export type { Fault, FaultRuleInput, Outage, OutageInput, ProjectEdit } from "./admin/admin-schemas";
export type { ModelQuality, ModelQualityRuleInput } from "./admin/model-quality";
export type { RequestLogEntry } from "./admin/request-log";
export { wellKnownKeys } from "./config/default-resources";
export type { ResourceDefinition } from "./config/resources";
export type { RateLimits } from "./http/rate-limiter";
export { ManualClock, systemClock, type Clock } from "./jobs/clock";
export type { JobKind, JobTiming, TimingScope } from "./jobs/timing";
export { startEmulator, type EmulatorOptions, type EmulatorResource, type RunningEmulator } from "./start-emulator";
export {
    startAzurite,
    type AzuriteAccount,
    type AzuriteEndpoint,
    type AzuriteOptions,
    type RunningAzurite,
} from "./storage/azurite";
