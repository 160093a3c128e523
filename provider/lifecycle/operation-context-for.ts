import { type Clock, systemClock } from "../client/clock";
import type { OperationContext } from "../operations/operation-context";
import type { ReplicationArgs, TimeoutMinutes } from "./inputs";
import type { ResourceLog } from "./resource-log";

/**
 * The context of one step: its own deadline from the per-step timeout (the engine ignores
 * customTimeouts, so the provider enforces these), and its lines in the resource's log.
 */
export function operationContextFor(
    settings: Pick<ReplicationArgs, "polling" | "timeoutMinutes">,
    step: keyof TimeoutMinutes,
    log: ResourceLog,
    clock: Clock = systemClock,
): OperationContext {
    return {
        clock,
        polling: { initialMs: settings.polling.initialIntervalMs, maxMs: settings.polling.maxIntervalMs },
        deadline: clock.now() + settings.timeoutMinutes[step] * 60_000,
        log: log.info,
        progress: log.progress,
    };
}
