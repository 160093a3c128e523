// `replicated-language-project/runtime`: predictions from a replicated project, failing over between regions.
export { createFailoverClient, type FailoverClient, type FailoverClientExtras } from "./create-failover-client";
export type { ConversationOptions } from "./analyze-conversation";
export type { CustomTextKind, CustomTextOptions, CustomTextResults } from "./analyze-custom-text";
export type { FailoverCounters, RegionName } from "./failover-counters";
export type { BreakerOptions, FailoverClientInput } from "./failover-options";
export type { Answer, FailbackEvent, FailoverEvent, FailoverEventMap } from "./failover-router";
export { NoRegionAnsweredError } from "./no-region-answered-error";
export { LanguageApiError } from "../provider/client/language-api-error";
