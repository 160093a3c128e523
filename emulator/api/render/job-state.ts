import { formatDateTime, jobLifetimeMs } from "../../domain/timestamps";
import type { StoredJob } from "../../state/state-schema";
import type { VersionFeatures } from "../api-version-features";
import { renderTrainingJob } from "./training-job";

/** The job state a status GET answers, with `resultUrl` (export) or `result` and `warnings` (training). */
export function renderJobState(
    job: StoredJob,
    statusUrl: string,
    now: number,
    features: VersionFeatures,
): Record<string, unknown> {
    const operation = job.operation;
    const training = operation.kind === "train" ? renderTrainingJob(job, operation, now, features) : {};
    return {
        ...(operation.kind === "export" && job.status === "succeeded" ? { resultUrl: resultUrlOf(statusUrl) } : {}),
        ...("result" in training ? { result: training.result } : {}),
        jobId: job.jobId,
        createdDateTime: formatDateTime(job.createdMs),
        lastUpdatedDateTime: formatDateTime(job.lastUpdatedMs),
        expirationDateTime: formatDateTime(job.createdMs + jobLifetimeMs),
        status: job.status,
        ...("warnings" in training ? { warnings: training.warnings } : {}),
        ...(job.errors === undefined ? {} : { errors: structuredClone(job.errors) }),
    };
}

function resultUrlOf(statusUrl: string): string {
    const [path, query] = statusUrl.split("?");
    return `${path}/result?${query}`;
}
