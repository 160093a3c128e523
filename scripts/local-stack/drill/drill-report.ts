import type { DrillAnswer } from "./drill-inputs";

/** One request of the drill as it went: answered, or an error the caller saw (both regions failed). */
export type DrillRecord = { request: number } & (DrillAnswer | { error: string });

/** What the drill concludes. */
export interface DrillSummary {
    requests: number;
    /** Requests whose caller saw an error. */
    failed: number;
    answered: { primary: number; secondary: number };
    /** The request during which the breaker opened; the next one went to the secondary unasked. */
    failedOverAt?: number;
    /** The request whose probe of the primary was answered. */
    failedBackAt?: number;
    /** From the primary's recovery to that answer. */
    failBackMs?: number;
}

export function formatRecord(record: DrillRecord): string {
    const number = `#${String(record.request).padStart(2)}`;
    if ("error" in record) return `${number}  FAILED              ${record.error}`;
    const region = record.region.padEnd(9);
    const latency = `${String(record.durationMs).padStart(5)} ms`;
    const note = record.primaryFailure === undefined ? "" : `  (primary failed: ${record.primaryFailure})`;
    return `${number}  ${region} ${latency}  ${record.answer}${note}`;
}

export function formatSummary(summary: DrillSummary, breaker: { failureThreshold: number; halfOpenAfterMs: number }) {
    const lines = [
        `requests: ${summary.requests}, failed (seen by the caller): ${summary.failed}`,
        `answered by the primary: ${summary.answered.primary}, by the secondary: ${summary.answered.secondary}`,
        summary.failedOverAt === undefined
            ? "never failed over"
            : `failed over at request ${summary.failedOverAt} (the breaker opened after ${breaker.failureThreshold} consecutive failures of the primary; from request ${summary.failedOverAt + 1} on the primary was not asked)`,
        summary.failedBackAt === undefined
            ? "never failed back"
            : `failed back at request ${summary.failedBackAt}, ${(summary.failBackMs! / 1000).toFixed(1)} s after the primary came back (the breaker probes it ${(breaker.halfOpenAfterMs / 1000).toFixed(1)} s after opening or after a failed probe, with the next request)`,
    ];
    return lines.join("\n");
}
