import type {
    AnalyzeBatchResult,
    CustomEntityRecognitionBatchResult,
    CustomMultiLabelClassificationBatchResult,
    CustomSingleLabelClassificationBatchResult,
    TextDocumentInput,
} from "@azure/ai-language-text";
import type { DeployedProject } from "./analyze-conversation";
import type { RegionClients } from "./region-clients";

/** The custom text tasks, and what the text SDK answers for each. */
export interface CustomTextResults {
    CustomSingleLabelClassification: CustomSingleLabelClassificationBatchResult;
    CustomMultiLabelClassification: CustomMultiLabelClassificationBatchResult;
    CustomEntityRecognition: CustomEntityRecognitionBatchResult;
}
export type CustomTextKind = keyof CustomTextResults;

/** Per-call options of a custom text analysis. */
export interface CustomTextOptions {
    /** The language of documents given as strings; "en" by default, as in the text SDK. */
    language?: string;
    /** CustomEntityRecognition only: how entity offsets are counted. */
    stringIndexType?: "TextElements_v8" | "UnicodeCodePoint" | "Utf16CodeUnit";
    /** Stops waiting for the answer; the caller then gets the signal's reason. */
    abortSignal?: AbortSignal;
}

/**
 * One analyze-text job with one custom task, through the text SDK, in one region: submit, poll
 * until it ends, read every page of results. All of it happens in the region that accepted the
 * job (its status URL points there), so a job is never split across regions.
 */
export async function analyzeCustomTextIn<Kind extends CustomTextKind>(
    clients: RegionClients,
    project: DeployedProject,
    kind: Kind,
    documents: readonly string[] | readonly TextDocumentInput[],
    options: CustomTextOptions & { pollIntervalMs: number },
    signal: AbortSignal,
): Promise<CustomTextResults[Kind]> {
    const { language, stringIndexType, pollIntervalMs } = options;
    const action = {
        kind,
        ...project,
        ...(kind === "CustomEntityRecognition" && stringIndexType && { stringIndexType }),
    } as Extract<Parameters<typeof clients.text.beginAnalyzeBatch>[0][number], { kind: Kind }>;
    const pollOptions = { abortSignal: signal, updateIntervalInMs: pollIntervalMs };
    const poller = isStrings(documents)
        ? await clients.text.beginAnalyzeBatch([action], [...documents], language, pollOptions)
        : await clients.text.beginAnalyzeBatch([action], [...documents], pollOptions);
    const pages = await poller.pollUntilDone({ abortSignal: signal });
    const results: AnalyzeBatchResult[] = [];
    for await (const result of pages) results.push(result);
    if (results.length !== 1 || results[0]!.kind !== kind) {
        throw new Error(
            `the ${kind} job answered ${results.length} task results (${results.map((r) => r.kind).join(", ")})`,
        );
    }
    return results[0] as CustomTextResults[Kind];
}

function isStrings(documents: readonly string[] | readonly TextDocumentInput[]): documents is readonly string[] {
    return documents.every((document) => typeof document === "string");
}
