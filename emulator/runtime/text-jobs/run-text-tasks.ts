import type { CustomTextTask, ErrorDetail, RuntimeStringIndexType } from "../../../provider/contract";
import type { HostedResource } from "../../config/hosted-resource";
import { jobErrors, ServiceError } from "../../errors";
import { predictClasses, predictDocumentEntities } from "../../model/predict";
import type { Predictor } from "../../model/predictor";
import type { ResourceState, StoredPrediction, StoredTaskOutcome, StoredTextJob } from "../../state/state-schema";
import { findDeployedPredictor } from "../deployed-predictor";
import { spanMeasure } from "../string-index";

export interface TextTaskEnvironment {
    readonly state: ResourceState;
    readonly resource: HostedResource;
}

/**
 * Runs every task over the documents that passed their checks, with the deployments as they are
 * now. A task whose project or deployment is missing (or of another kind) fails alone; the job
 * reports its error. Unverified: the service might refuse such a job at once instead.
 */
export async function runTextTasks(job: StoredTextJob, env: TextTaskEnvironment): Promise<StoredTaskOutcome[]> {
    const outcomes: StoredTaskOutcome[] = [];
    for (const [index, task] of job.tasks.entries()) {
        outcomes.push(await runTask(job, task, index, env));
    }
    return outcomes;
}

async function runTask(
    job: StoredTextJob,
    task: CustomTextTask,
    index: number,
    env: TextTaskEnvironment,
): Promise<StoredTaskOutcome> {
    const { projectName, deploymentName } = task.parameters;
    let predictor: Predictor;
    try {
        const lookup = await findDeployedPredictor(
            env.state,
            env.resource,
            "analyze-text",
            projectName,
            deploymentName,
        );
        if (lookup.kind === "missing") {
            return failed(
                lookup.what === "project"
                    ? jobErrors.projectNotFound(lookup.name)
                    : jobErrors.notFound("deployment", lookup.name),
            );
        }
        predictor = lookup.predictor;
    } catch (error) {
        return failed(error instanceof ServiceError ? error.detail : jobErrors.internal(String(error)));
    }
    if (predictor.projectKind !== task.kind) {
        return failed(
            jobErrors.invalidTaskParameter(
                `tasks[${index}].parameters.projectName`,
                `The project "${projectName}" is a ${predictor.projectKind} project; a ${task.kind} task cannot use it.`,
            ),
        );
    }
    const indexType = task.kind === "CustomEntityRecognition" ? task.parameters.stringIndexType : undefined;
    const predictions = job.documents.map((document) =>
        document.error === undefined ? predictDocument(predictor, document.text ?? "", indexType) : [],
    );
    return { predictions };
}

function failed(error: ErrorDetail): StoredTaskOutcome {
    return { error, predictions: [] };
}

function predictDocument(
    predictor: Predictor,
    text: string,
    indexType: RuntimeStringIndexType | undefined,
): StoredPrediction[] {
    switch (predictor.projectKind) {
        case "CustomSingleLabelClassification":
        case "CustomMultiLabelClassification":
            return predictClasses(predictor, text).map(({ label, score }) => ({
                category: label,
                confidenceScore: score,
            }));
        case "CustomEntityRecognition": {
            const measure = spanMeasure(text, indexType);
            return predictDocumentEntities(predictor, text).map((span) => ({
                category: span.category,
                confidenceScore: span.confidence,
                text: text.slice(span.offset, span.offset + span.length),
                ...measure(span),
            }));
        }
        case "Conversation":
        case "Orchestration":
            return [];
    }
}
