import type { RuntimeClient } from "../client/runtime-client";
import type { ConversationTaskResult, CustomTextTaskResult, ProjectKind, TextAnalysisJobState } from "../contract";
import { pollUntilDone } from "../lro/poll-until-done";
import type { OperationContext } from "./operation-context";
import { pollSchedules } from "./poll-schedules";

/** A deployment asked by the probe, through the runtime API of its resource. */
export interface ProbedDeployment {
    runtime: RuntimeClient;
    projectName: string;
    deploymentName: string;
}

/** One sampled utterance or document: what is sent, and how it is named in messages. */
export interface ProbeItem {
    name: string;
    text: string;
    language: string;
}

export interface ParityResult {
    sampled: number;
    agreed: number;
    rate: number;
    /** A few items the two deployments answered differently, for the log. */
    disagreements: string[];
}

/** Documents per text analysis request, and characters: the service refuses larger requests. */
const maxDocumentsPerJob = 25;
const maxCharactersPerJob = 125_000;
const disagreementsShown = 3;

/**
 * Sends every item to both deployments and counts the answers that agree: the top intent of a
 * conversations project, the class of a single-label project, the set of classes of a
 * multi-label one, the set of entities (category and span) of an entity recognition one.
 * Predictions change nothing, so asking the read-only primary's deployment is safe.
 */
export async function probeParity(
    kind: ProjectKind,
    items: readonly ProbeItem[],
    primary: ProbedDeployment,
    candidate: ProbedDeployment,
    context: OperationContext,
): Promise<ParityResult> {
    const answer = (side: ProbedDeployment) =>
        kind === "Conversation" || kind === "Orchestration"
            ? conversationAnswers(side, items, context)
            : textAnswers(kind, side, items, context);
    const [expected, got] = [await answer(primary), await answer(candidate)];
    const differing = items.flatMap((item, index) =>
        expected[index] === got[index] ? [] : [`${item.name}: ${expected[index]} vs ${got[index]}`],
    );
    const agreed = items.length - differing.length;
    return {
        sampled: items.length,
        agreed,
        rate: items.length === 0 ? 0 : agreed / items.length,
        disagreements: differing.slice(0, disagreementsShown),
    };
}

async function conversationAnswers(
    side: ProbedDeployment,
    items: readonly ProbeItem[],
    context: OperationContext,
): Promise<string[]> {
    const answers: string[] = [];
    for (const item of items) {
        const result = await side.runtime.analyzeConversation(
            {
                kind: "Conversation",
                analysisInput: {
                    conversationItem: {
                        id: "1",
                        participantId: "parity-probe",
                        text: item.text,
                        language: item.language,
                    },
                },
                parameters: { projectName: side.projectName, deploymentName: side.deploymentName },
            },
            context.signal,
        );
        answers.push(topIntentOf(result));
    }
    return answers;
}

function topIntentOf(result: ConversationTaskResult): string {
    return result.result.prediction.topIntent ?? "(none)";
}

type TextKind = Exclude<ProjectKind, "Conversation" | "Orchestration">;

async function textAnswers(
    kind: TextKind,
    side: ProbedDeployment,
    items: readonly ProbeItem[],
    context: OperationContext,
): Promise<string[]> {
    const answers: string[] = [];
    for (const batch of batchesOf(items)) {
        const parameters = { projectName: side.projectName, deploymentName: side.deploymentName };
        const task =
            kind === "CustomEntityRecognition"
                ? { kind, parameters: { ...parameters, stringIndexType: "Utf16CodeUnit" as const } }
                : { kind, parameters };
        const documents = batch.map((item, index) => ({ id: String(index), text: item.text, language: item.language }));
        const { statusUrl } = await side.runtime.startTextJob(
            { displayName: "parity probe", analysisInput: { documents }, tasks: [task] },
            context.signal,
        );
        const operation = `predicting with deployment "${side.deploymentName}" of "${side.projectName}" on ${side.runtime.transport.resourceLabel}`;
        const job = await pollUntilDone({
            operation,
            statusUrl,
            poll: (url, signal) => side.runtime.pollTextJob(url, operation, signal),
            deadline: context.deadline,
            clock: context.clock,
            signal: context.signal,
            schedule: context.polling ?? pollSchedules.prediction,
        });
        answers.push(...batch.map((_, index) => textAnswerOf(job, String(index))));
    }
    return answers;
}

/** Consecutive items, each batch within the service's limits of one text analysis request. */
function batchesOf(items: readonly ProbeItem[]): ProbeItem[][] {
    const batches: ProbeItem[][] = [];
    let characters = 0;
    for (const item of items) {
        const current = batches.at(-1);
        if (!current || current.length === maxDocumentsPerJob || characters + item.text.length > maxCharactersPerJob) {
            batches.push([item]);
            characters = item.text.length;
        } else {
            current.push(item);
            characters += item.text.length;
        }
    }
    return batches;
}

/** A document's answer in a comparable form; a document the service refused answers its error code. */
function textAnswerOf(job: TextAnalysisJobState, id: string): string {
    const results = (job.tasks.items?.[0] as CustomTextTaskResult | undefined)?.results;
    if (!results) throw new Error(`the text analysis job ${job.jobId} returned no results`);
    const failed = results.errors.find((error) => error.id === id);
    if (failed) return `error ${failed.error.code}`;
    const document = results.documents.find((item) => item.id === id) as Record<string, unknown> | undefined;
    if (!document) return "(no answer)";
    if (Array.isArray(document.class)) {
        return (
            (document.class as { category: string }[])
                .map((item) => item.category)
                .sort()
                .join(" + ") || "(no class)"
        );
    }
    const entities = (document.entities ?? []) as { category: string; offset: number; length: number }[];
    return (
        entities
            .map((entity) => `${entity.category}@${entity.offset}+${entity.length}`)
            .sort()
            .join(" ") || "(no entity)"
    );
}
