import type { AuthoringClient } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import { type EvaluationScores, summarizeEvaluation } from "../contract";
import type { OperationContext } from "./operation-context";

/**
 * Waits until a model's evaluation can be read (it runs after training and can lag behind it:
 * the summary answers 404 until then), backing off like a job poll, up to the context's deadline.
 */
export async function awaitEvaluation(
    client: AuthoringClient,
    project: string,
    label: string,
    context: OperationContext,
): Promise<EvaluationScores> {
    const operation = `waiting for the evaluation of model "${label}" of "${project}" on ${client.transport.resourceLabel}`;
    // Asked at once: the summary is usually there when the training job ends, and lags it by seconds otherwise.
    const schedule = context.polling ?? { intervalMs: 1_000, maxMs: 10_000 };
    for (let interval = schedule.intervalMs; ; interval = Math.min(Math.round(interval * 1.5), schedule.maxMs)) {
        try {
            return summarizeEvaluation(await client.getEvaluationSummary(project, label, context.signal));
        } catch (error) {
            if (!(error instanceof LanguageApiError && error.status === 404)) throw error;
        }
        const remainingMs = context.deadline - context.clock.now();
        if (remainingMs <= 0) throw new Error(`${operation}: still not evaluated when the gate's time ran out`);
        context.progress(`${operation}: not evaluated yet`);
        await context.clock.sleep(Math.min(interval, remainingMs), context.signal);
    }
}
