import type { CustomTextTask } from "../../../provider/contract";
import { formatDateTime } from "../../domain/timestamps";
import { isTerminal } from "../../jobs/progression";
import type { StoredPrediction, StoredTaskOutcome, StoredTextDocument, StoredTextJob } from "../../state/state-schema";
import { textJobLifetimeMs } from "./text-job-progress";

/** How a status GET asked to see the job: statistics or not, and which page of its documents. */
export interface TextJobView {
    /** The job's status URL with the api-version of this GET; `nextLink` builds on it. */
    readonly statusUrl: string;
    readonly showStats: boolean;
    readonly skip: number;
    /** All documents (at most 25) when absent. */
    readonly top: number | undefined;
}

/** A document of the page shown, with its place in the job (where its task predictions are). */
interface PagedDocument {
    readonly document: StoredTextDocument;
    readonly index: number;
}

/** A transaction is 1,000 text elements (Learn, "data limits": a text record). */
const charactersPerTransaction = 1000;

/**
 * The status URL's answer, in the key order of SuccessfulAnalyzeTextJobsMultipleTaskStatusRequest.
 * Only tasks that succeeded are listed in `items`; a failed task is counted in `failed` and its
 * error is in the job's `errors`. `top`/`skip` page the documents of every task alike.
 */
export function renderTextJob(job: StoredTextJob, view: TextJobView): Record<string, unknown> {
    const end = view.top === undefined ? job.documents.length : view.skip + view.top;
    const page = job.documents.map((document, index) => ({ document, index })).slice(view.skip, end);
    const outcomes = job.outcomes ?? [];
    const items = job.tasks.flatMap((task, index) => {
        const outcome = outcomes[index];
        return outcome === undefined || outcome.error !== undefined
            ? []
            : [taskResult(job, task, outcome, page, view.showStats)];
    });
    const failed =
        job.outcomes === undefined
            ? job.status === "failed"
                ? job.tasks.length
                : 0
            : outcomes.filter((outcome) => outcome.error !== undefined).length;
    return {
        createdDateTime: formatDateTime(job.createdMs),
        ...(job.displayName === undefined ? {} : { displayName: job.displayName }),
        expirationDateTime: formatDateTime(job.lastUpdatedMs + textJobLifetimeMs),
        jobId: job.jobId,
        lastUpdatedDateTime: formatDateTime(job.lastUpdatedMs),
        status: job.status,
        ...(job.errors === undefined ? {} : { errors: structuredClone(job.errors) }),
        ...(end < job.documents.length ? { nextLink: nextLinkOf(view, end) } : {}),
        tasks: {
            completed: items.length,
            failed,
            inProgress: isTerminal(job.status) ? 0 : job.tasks.length - items.length - failed,
            total: job.tasks.length,
            ...(items.length === 0 ? {} : { items }),
        },
    };
}

function taskResult(
    job: StoredTextJob,
    task: CustomTextTask,
    outcome: StoredTaskOutcome,
    page: readonly PagedDocument[],
    showStats: boolean,
): Record<string, unknown> {
    return {
        kind: `${task.kind}LROResults`,
        ...(task.taskName === undefined ? {} : { taskName: task.taskName }),
        lastUpdateDateTime: formatDateTime(job.lastUpdatedMs),
        status: "succeeded",
        results: {
            documents: page.flatMap(({ document, index }) =>
                document.error === undefined
                    ? [documentResult(task, document, outcome.predictions[index] ?? [], showStats)]
                    : [],
            ),
            errors: page.flatMap(({ document }) =>
                document.error === undefined ? [] : [{ id: document.id, error: structuredClone(document.error) }],
            ),
            ...(showStats ? { statistics: requestStatistics(job.documents) } : {}),
            projectName: task.parameters.projectName,
            deploymentName: task.parameters.deploymentName,
        },
    };
}

function documentResult(
    task: CustomTextTask,
    document: StoredTextDocument,
    predictions: readonly StoredPrediction[],
    showStats: boolean,
): Record<string, unknown> {
    const found =
        task.kind === "CustomEntityRecognition"
            ? {
                  entities: predictions.map(({ text, category, offset, length, confidenceScore }) => ({
                      text,
                      category,
                      offset,
                      length,
                      confidenceScore,
                  })),
              }
            : { class: predictions.map(({ category, confidenceScore }) => ({ category, confidenceScore })) };
    return {
        id: document.id,
        ...found,
        warnings: [],
        ...(showStats ? { statistics: documentStatistics(document) } : {}),
    };
}

function documentStatistics(document: StoredTextDocument) {
    return {
        charactersCount: document.charactersCount,
        transactionsCount: Math.ceil(document.charactersCount / charactersPerTransaction),
    };
}

function requestStatistics(documents: readonly StoredTextDocument[]) {
    const valid = documents.filter((document) => document.error === undefined);
    return {
        documentsCount: documents.length,
        validDocumentsCount: valid.length,
        erroneousDocumentsCount: documents.length - valid.length,
        transactionsCount: valid.reduce((sum, document) => sum + documentStatistics(document).transactionsCount, 0),
    };
}

function nextLinkOf(view: TextJobView, skip: number): string {
    const url = new URL(view.statusUrl);
    url.searchParams.set("top", String(view.top));
    url.searchParams.set("skip", String(skip));
    if (view.showStats) {
        url.searchParams.set("showStats", "true");
    }
    return url.toString();
}
