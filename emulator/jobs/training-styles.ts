import type { ApiFamily } from "../../provider/contract";

/**
 * How each family's training jobs show themselves, as observed on the service (issue 12). The
 * specs leave all of it open: `warnings`, `evaluationStatus` and `estimatedEndDateTime` are optional.
 */
export interface TrainingJobStyle {
    /**
     * Text evaluates inside the job: the last part of a running job shows training succeeded and
     * evaluation running, and a succeeded job shows both succeeded. CLU evaluates after the job: a
     * succeeded job leaves evaluation notStarted.
     */
    readonly evaluatesInJob: boolean;
    /** Text shows `estimatedEndDateTime` while the job runs and drops it after; CLU never shows it. */
    readonly estimatedEnd: "whileRunning" | "never";
    /**
     * CLU lists intents and entities with few examples in the top-level `warnings` once the job
     * runs; text shows an empty `warnings` once the job has finished.
     */
    readonly warnings: "fewExamplesOnceRunning" | "emptyWhenFinished";
    /** Where the api-version has data generation, CLU results carry `dataGenerationStatus` (required there). */
    readonly dataGenerationStatus: boolean;
}

export const trainingJobStyles: Readonly<Record<ApiFamily, TrainingJobStyle>> = {
    "analyze-text": {
        evaluatesInJob: true,
        estimatedEnd: "whileRunning",
        warnings: "emptyWhenFinished",
        dataGenerationStatus: false,
    },
    "analyze-conversations": {
        evaluatesInJob: false,
        estimatedEnd: "never",
        warnings: "fewExamplesOnceRunning",
        dataGenerationStatus: true,
    },
};

/** How far a text training job is when training gives way to evaluation. */
export const evaluationStartsAt = 0.5;
