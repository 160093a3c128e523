import { z } from "zod";
import { dateTimeSchema } from "./date-time";
import { errorDetailSchema } from "./errors";

/** Same enum for every job kind and for the training/evaluation sub-statuses. */
export const jobStatusSchema = z.enum([
    "notStarted",
    "running",
    "succeeded",
    "failed",
    "cancelled",
    "cancelling",
    "partiallyCompleted",
]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** What the poller does with a status: keep polling, or stop and report success or failure. */
export interface JobStatusMeaning {
    readonly terminal: boolean;
    readonly success: boolean;
}

/** The only place that interprets a job status; the poller reads it, nothing branches on names. */
export const jobStatusMeanings: Readonly<Record<JobStatus, JobStatusMeaning>> = {
    notStarted: { terminal: false, success: false },
    running: { terminal: false, success: false },
    // A cancelled text training job may pass through `cancelling` and still end `succeeded`.
    cancelling: { terminal: false, success: false },
    // A CLU training job may report `succeeded` while result.evaluationStatus is still `notStarted`:
    // the model exists and can be deployed; evaluation finishes on its own.
    succeeded: { terminal: true, success: true },
    failed: { terminal: true, success: false },
    cancelled: { terminal: true, success: false },
    // Some items failed (e.g. part of an import): a replica that is missing data is not a success.
    partiallyCompleted: { terminal: true, success: false },
};

/**
 * Every long-running operation is polled through this shape. Job ids are opaque
 * (real ones look like `<guid>_<digits>`), so no pattern is enforced.
 */
export const jobStateSchema = z.looseObject({
    jobId: z.string(),
    createdDateTime: dateTimeSchema,
    lastUpdatedDateTime: dateTimeSchema,
    expirationDateTime: dateTimeSchema.optional(),
    status: jobStatusSchema,
    // Text 2023-04-01 sends {code,message}; CLU sends the full error shape. Both fit errorDetail.
    warnings: z.array(errorDetailSchema).optional(),
    errors: z.array(errorDetailSchema).optional(),
    // Export jobs only, once succeeded: where to GET the exported project file.
    resultUrl: z.string().optional(),
});
export type JobState = z.infer<typeof jobStateSchema>;

/** Training and evaluation progress separately, because they finish at different times. */
export const trainingPhaseStatusSchema = z.looseObject({
    percentComplete: z.number().int().min(0).max(100),
    startDateTime: dateTimeSchema.optional(),
    endDateTime: dateTimeSchema.optional(),
    status: jobStatusSchema,
});
export type TrainingPhaseStatus = z.infer<typeof trainingPhaseStatusSchema>;

/**
 * Tells which model label a training job produces. `evaluationStatus` is optional because both
 * specs mark it so; when present it can lag behind `trainingStatus`.
 */
export const trainingJobResultSchema = z.looseObject({
    modelLabel: z.string(),
    trainingConfigVersion: z.string(),
    // CLU only.
    trainingMode: z.enum(["standard", "advanced"]).optional(),
    trainingStatus: trainingPhaseStatusSchema,
    evaluationStatus: trainingPhaseStatusSchema.optional(),
    estimatedEndDateTime: dateTimeSchema.optional(),
});
export type TrainingJobResult = z.infer<typeof trainingJobResultSchema>;

/** Training jobs are the only jobs whose state carries a required `result`. */
export const trainingJobStateSchema = jobStateSchema.extend({ result: trainingJobResultSchema });
export type TrainingJobState = z.infer<typeof trainingJobStateSchema>;
