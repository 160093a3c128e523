import { z } from "zod";
import {
    apiFamilySchema,
    apiVersionSchema,
    customTextTaskSchema,
    errorDetailSchema,
    exportedProjectMetadataSchema,
    exportedProjectSchema,
    jobStatusSchema,
    projectAssetsSchema,
} from "../../provider/contract";
import { jobTimingSchema } from "../jobs/timing";
import { predictorSchema } from "../model/predictor";
import { trainedModelSchema } from "../model/trained-model";

// Everything the emulator remembers, as it is written to the data dir. Times are epoch milliseconds;
// the wire formats are produced by api/render/.

const epochMs = z.number().int();

/** The split a training job used; the service's defaults are filled in when the job starts. */
export const evaluationSplitSchema = z.object({
    kind: z.enum(["percentage", "manual"]),
    trainingSplitPercentage: z.number().int(),
    testingSplitPercentage: z.number().int(),
});
export type EvaluationSplit = z.infer<typeof evaluationSplitSchema>;

/** A project's authoring data: what export writes and import replaces. */
export const projectContentSchema = z.object({
    metadata: exportedProjectMetadataSchema,
    assets: projectAssetsSchema,
});
export type ProjectContent = z.infer<typeof projectContentSchema>;

export const storedModelSchema = z.object({
    label: z.string(),
    modelId: z.string(),
    trainedMs: epochMs,
    trainingDurationSeconds: z.number().int(),
    trainingConfigVersion: z.string(),
    expirationDate: z.string(),
    evaluationOptions: evaluationSplitSchema,
    /** The working copy the model was trained on: load-snapshot restores it, export can write it. */
    snapshot: projectContentSchema,
    /**
     * What training learned (see model/train-model.ts). Absent on models trained before the emulator
     * had a runtime: they are trained again, from the snapshot, when first needed.
     */
    trained: trainedModelSchema.optional(),
});
export type StoredModel = z.infer<typeof storedModelSchema>;

export const storedDeploymentSchema = z.object({
    deploymentName: z.string(),
    modelLabel: z.string(),
    modelId: z.string(),
    modelTrainedMs: epochMs,
    deployedMs: epochMs,
    trainingConfigVersion: z.string(),
    expirationDate: z.string(),
    /** The deployed model's predictor; absent on deployments made before the emulator had a runtime. */
    predictor: predictorSchema.optional(),
});
export type StoredDeployment = z.infer<typeof storedDeploymentSchema>;

export const storedProjectSchema = z.object({
    ...projectContentSchema.shape,
    createdMs: epochMs,
    lastModifiedMs: epochMs,
    models: z.record(z.string(), storedModelSchema),
    deployments: z.record(z.string(), storedDeploymentSchema),
});
export type StoredProject = z.infer<typeof storedProjectSchema>;

/** What each kind of job was asked to do, and what it produced. */
export const jobOperationSchema = z.discriminatedUnion("kind", [
    z.object({
        kind: z.literal("export"),
        trainedModelLabel: z.string().optional(),
        exportedFile: exportedProjectSchema.optional(),
    }),
    z.object({ kind: z.literal("import"), file: exportedProjectSchema }),
    z.object({
        kind: z.literal("train"),
        modelLabel: z.string(),
        trainingConfigVersion: z.string(),
        trainingMode: z.enum(["standard", "advanced"]).optional(),
        evaluationOptions: evaluationSplitSchema,
        /** The working copy when training started: what the model learns, whatever is imported meanwhile. */
        trainingData: projectContentSchema,
    }),
    z.object({ kind: z.literal("deploy"), deploymentName: z.string(), modelLabel: z.string() }),
    z.object({ kind: z.literal("deleteDeployment"), deploymentName: z.string() }),
    z.object({ kind: z.literal("swap"), firstDeploymentName: z.string(), secondDeploymentName: z.string() }),
    z.object({ kind: z.literal("deleteProject") }),
    z.object({ kind: z.literal("loadSnapshot"), modelLabel: z.string() }),
]);
export type JobOperation = z.infer<typeof jobOperationSchema>;

/** An outcome forced by an injected fault instead of the operation's own. */
export const forcedOutcomeSchema = z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("fail"), code: z.string(), message: z.string() }),
    z.object({ kind: z.literal("hang") }),
]);
export type ForcedOutcome = z.infer<typeof forcedOutcomeSchema>;

/** How a job moves (see jobs/progression.ts): authoring jobs and runtime text jobs alike. */
const jobProgressShape = {
    createdMs: epochMs,
    lastUpdatedMs: epochMs,
    completedMs: epochMs.optional(),
    status: jobStatusSchema,
    /**
     * A cancel restarts progression in a cancel phase, cancelling all along: `cancel` ends
     * cancelled; `cancelTooLate` (the cancel came while a text training job evaluated; the
     * service's cancel is best-effort) ends with the job's work done, succeeded.
     */
    phase: z.enum(["main", "cancel", "cancelTooLate"]),
    phaseStartedMs: epochMs,
    /** When a training job that evaluates in the job (text) moved on from training to evaluation. */
    evaluationStartedMs: epochMs.optional(),
    phasePolls: z.number().int(),
    timing: jobTimingSchema,
    forced: forcedOutcomeSchema.optional(),
};

export const storedJobSchema = z.object({
    jobId: z.string(),
    family: apiFamilySchema,
    /** The api-version of the trigger: status and result URLs carry it. */
    apiVersion: apiVersionSchema,
    projectName: z.string(),
    /** Path of the status URL below the resource endpoint; a status GET must match it exactly. */
    statusPath: z.string(),
    ...jobProgressShape,
    errors: z.array(errorDetailSchema).optional(),
    operation: jobOperationSchema,
});
export type StoredJob = z.infer<typeof storedJobSchema>;

/** One input document of a text analysis job, checked when the job was submitted. */
export const storedTextDocumentSchema = z.object({
    id: z.string(),
    language: z.string(),
    /** Dropped once the job has run: the results keep what they show. */
    text: z.string().optional(),
    /** Text elements, for `showStats`. */
    charactersCount: z.number().int(),
    /** Why the document is not analyzed (the same for every task). */
    error: errorDetailSchema.optional(),
});
export type StoredTextDocument = z.infer<typeof storedTextDocumentSchema>;

/** A class (no span) or an entity (with its span in the task's stringIndexType). */
export const storedPredictionSchema = z.object({
    category: z.string(),
    confidenceScore: z.number(),
    text: z.string().optional(),
    offset: z.number().int().optional(),
    length: z.number().int().optional(),
});
export type StoredPrediction = z.infer<typeof storedPredictionSchema>;

/**
 * How one task of a text analysis job ended: an error, or the predictions of each document, in the
 * job's document order (none for a document with an error).
 */
export const storedTaskOutcomeSchema = z.object({
    error: errorDetailSchema.optional(),
    predictions: z.array(z.array(storedPredictionSchema)),
});
export type StoredTaskOutcome = z.infer<typeof storedTaskOutcomeSchema>;

/** A runtime `analyze-text/jobs` job: progresses like an authoring job (timing, faults, cancel). */
export const storedTextJobSchema = z.object({
    jobId: z.string(),
    displayName: z.string().optional(),
    ...jobProgressShape,
    documents: z.array(storedTextDocumentSchema),
    tasks: z.array(customTextTaskSchema),
    /** One per task, once the job has run. */
    outcomes: z.array(storedTaskOutcomeSchema).optional(),
    errors: z.array(errorDetailSchema).optional(),
});
export type StoredTextJob = z.infer<typeof storedTextJobSchema>;

/** Project names are unique per resource across both families, hence one map for all kinds. */
export const resourceStateSchema = z.object({
    projects: z.record(z.string(), storedProjectSchema),
    jobs: z.record(z.string(), storedJobSchema),
    /** Runtime text analysis jobs; absent in state written before the emulator had a runtime. */
    textJobs: z.record(z.string(), storedTextJobSchema).default({}),
});
export type ResourceState = z.infer<typeof resourceStateSchema>;

export const emulatorStateSchema = z.object({
    formatVersion: z.literal(1),
    resources: z.record(z.string(), resourceStateSchema),
});
export type EmulatorState = z.infer<typeof emulatorStateSchema>;

export function emptyState(): EmulatorState {
    return { formatVersion: 1, resources: {} };
}
