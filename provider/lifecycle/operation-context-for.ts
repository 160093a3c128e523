import { type Clock, systemClock } from "../client/clock";
import type { OperationContext } from "../operations/operation-context";
import type { ReplicationArgs, TimeoutMinutes } from "./inputs";

/**
 * The context of one step: its own deadline from the per-step timeout (the engine ignores
 * customTimeouts, so the provider enforces these), and progress lines on stdout, which the
 * engine shows in the `pulumi up` output under the resource.
 */
export function operationContextFor(
    settings: Pick<ReplicationArgs, "polling" | "timeoutMinutes">,
    step: keyof TimeoutMinutes,
    label: string,
    clock: Clock = systemClock,
): OperationContext {
    return {
        clock,
        polling: { initialMs: settings.polling.initialIntervalMs, maxMs: settings.polling.maxIntervalMs },
        deadline: clock.now() + settings.timeoutMinutes[step] * 60_000,
        log: (line) => console.log(`[${label}] ${line}`),
    };
}
