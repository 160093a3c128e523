import { type Clock, systemClock } from "../client/clock";
import type { OperationContext } from "../operations/operation-context";
import type { ReplicationArgs, TimeoutMinutes } from "./inputs";
import type { ResourceLog } from "./resource-log";

/**
 * The context of one step: its own deadline from the per-step timeout (the engine ignores
 * customTimeouts, so the provider enforces these), its lines in the resource's log, and the
 * user's polling, when given, as one schedule for every job (otherwise each job has its own).
 */
export function operationContextFor(
    settings: Pick<ReplicationArgs, "polling" | "timeoutMinutes">,
    step: keyof TimeoutMinutes,
    log: ResourceLog,
    clock: Clock = systemClock,
): OperationContext {
    return {
        clock,
        ...(settings.polling && {
            polling: {
                firstMs: settings.polling.initialIntervalMs,
                intervalMs: settings.polling.initialIntervalMs,
                maxMs: settings.polling.maxIntervalMs,
            },
        }),
        deadline: clock.now() + settings.timeoutMinutes[step] * 60_000,
        log: log.info,
        progress: log.progress,
    };
}
