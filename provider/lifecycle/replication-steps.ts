import type { AuthoringClient } from "../client/authoring-client";
import { awaitDeploy, readDeployment, startDeploy } from "../operations/deploy-model";
import { exportCache } from "../export-cache/export-cache";
import { awaitImport, startImportOfFile } from "../operations/import-project";
import type { OperationContext } from "../operations/operation-context";
import { checkOrchestrationTargets } from "../operations/orchestration-targets";
import {
    awaitTraining,
    cancelTraining,
    type FoundTraining,
    findLatestTraining,
    readTrainedModel,
    startTraining,
} from "../operations/train-model";
import type { StepName } from "../plan/plan-replication";
import type { CheckedInputs, TimeoutMinutes } from "./inputs";
import { primaryExportForImport, withExport } from "./project-exports";
import { type PendingJob, type ReplicaState, trainingSignatureOf } from "./replica-state";

/** One run of the plan: what the steps share, and what they record as they complete. */
export interface StepRun {
    inputs: CheckedInputs;
    /** Updated by each step as it completes; `pendingJob` is set while a job is awaited. */
    state: ReplicaState;
    primary: AuthoringClient;
    secondary: AuthoringClient;
    context: (step: keyof TimeoutMinutes) => OperationContext;
    /** Steps that changed the secondary in this run: a job an earlier run left for a later step is stale after them. */
    completed: StepName[];
}

/**
 * How a step ended: it ran a job (or waited for one an earlier run started), or it found its
 * work already done on the secondary by a run that was killed before it could record it.
 */
export type StepOutcome = "ran" | "found done";

/** Each step: start its job (or adopt the one still valid), wait for it, record the result. */
export const stepRunners: Readonly<Record<StepName, (run: StepRun) => Promise<StepOutcome>>> = {
    async import(run) {
        const { inputs, state, secondary } = run;
        const adopted = adoptable(run, "import", inputs.secondaryProjectName);
        const job = adopted ?? (await startImportJob(run));
        if (job === "found done") return job;
        state.pendingJob = job;
        await awaitImport(secondary, inputs.secondaryProjectName, job.statusUrl, run.context("import"));
        state.importedContentHash = job.contentHash;
        state.importedLastModifiedDateTime = (
            await secondary.getProject(inputs.secondaryProjectName)
        ).lastModifiedDateTime;
        return "ran";
    },

    async train(run) {
        const { inputs, state, secondary } = run;
        const job = await trainingJob(run, state.importedContentHash!);
        state.pendingJob = job;
        await awaitTraining(secondary, inputs.secondaryProjectName, job.statusUrl, run.context("train"));
        state.trainedFrom = { contentHash: job.contentHash, trainingSignature: trainingSignatureOf(inputs) };
        state.trainedModel = await readTrainedModel(secondary, inputs.secondaryProjectName, inputs.modelLabel);
        return "ran";
    },

    async deploy(run) {
        const { inputs, state, secondary } = run;
        const target = `${inputs.deploymentName} <- ${inputs.modelLabel}`;
        const job = adoptable(run, "deploy", target) ?? {
            step: "deploy",
            target,
            contentHash: state.trainedFrom?.contentHash ?? "",
            statusUrl: (
                await startDeploy(secondary, inputs.secondaryProjectName, inputs.deploymentName, inputs.modelLabel)
            ).statusUrl,
        };
        state.pendingJob = job;
        await awaitDeploy(
            secondary,
            inputs.secondaryProjectName,
            inputs.deploymentName,
            job.statusUrl,
            run.context("deploy"),
        );
        state.deployment = await readDeployment(secondary, inputs.secondaryProjectName, inputs.deploymentName);
        return "ran";
    },
};

/**
 * The job an earlier run left for this step, if it still does what this run needs: the same
 * target, and no earlier step completed in this run (a new import makes an old training stale).
 */
function adoptable(run: StepRun, step: StepName, target: string): PendingJob | undefined {
    const pending = run.state.pendingJob;
    if (pending?.step !== step || pending.target !== target || run.completed.length > 0) return undefined;
    return pending;
}

/**
 * Starts importing the primary's export (the one check kept, or a new one), unless the
 * secondary holds that content already. The file is removed once the import has read it.
 */
async function startImportJob(run: StepRun): Promise<PendingJob | "found done"> {
    const { inputs, secondary } = run;
    const file = await primaryExportForImport(run.primary, inputs.projectName, run.context("export"));
    try {
        const { contentHash } = file.fingerprint;
        if (await secondaryHolds(run, contentHash)) return "found done";
        await checkOrchestrationTargets(secondary, file.orchestrationIntents);
        const { statusUrl } = await startImportOfFile(secondary, inputs.secondaryProjectName, file);
        return { step: "import", target: inputs.secondaryProjectName, statusUrl, contentHash };
    } finally {
        exportCache.discard(file);
    }
}

/**
 * Whether the secondary project already holds this content, which happens when a run imported
 * it and was killed before it could record that. Only a secondary that moved since the last
 * import recorded here can hold something unrecorded, so only then is it exported and compared;
 * when it does, that import is recorded as this run's.
 */
async function secondaryHolds(run: StepRun, contentHash: string): Promise<boolean> {
    const { inputs, state, secondary } = run;
    const project = state.secondaryProject;
    if (!project || project.lastModifiedDateTime === state.importedLastModifiedDateTime) return false;
    const holds = await withExport(secondary, inputs.secondaryProjectName, run.context("export"), async (replica) => {
        return replica.fingerprint.contentHash === contentHash;
    });
    if (!holds) return false;
    run.context("import").log(
        "the secondary already holds this content (an interrupted run imported it): not imported again",
    );
    state.importedContentHash = contentHash;
    state.importedLastModifiedDateTime = project.lastModifiedDateTime;
    return true;
}

/**
 * The training to wait for. A job left pending for this content and label is adopted; so is the
 * newest job of this label on the service, running or succeeded (a run killed before it could
 * record it), when it started after the content was imported, nothing else changed the
 * secondary in this run, and its options are the ones asked for: training is billed, so it is
 * never started twice for the same content. A running job that trains older content is
 * cancelled: the service runs one training per project, and recording its model as trained
 * from the new content would lie.
 */
async function trainingJob(run: StepRun, contentHash: string): Promise<PendingJob> {
    const { inputs, state, secondary } = run;
    const target = `${inputs.modelLabel} <- ${trainingSignatureOf(inputs)}`;
    const pending = adoptable(run, "train", target);
    if (pending?.contentHash === contentHash) return pending;
    const latest = await findLatestTraining(secondary, inputs.secondaryProjectName, inputs.modelLabel);
    if (latest) {
        const importedAt = Date.parse(state.importedLastModifiedDateTime ?? "");
        const current =
            run.completed.length === 0 &&
            Date.parse(latest.createdDateTime) >= importedAt &&
            hasOptions(latest, inputs);
        if (current) {
            run.context("train").log(`adopting training job ${latest.jobId} (${latest.status}) of this content`);
            return { step: "train", target, contentHash, statusUrl: latest.statusUrl };
        }
        if (latest.running) {
            run.context("train").log(
                `cancelling training job ${latest.jobId}: it trains older content or other options`,
            );
            await cancelTraining(secondary, inputs.secondaryProjectName, latest.jobId, run.context("train"));
        }
    }
    const request = { modelLabel: inputs.modelLabel, ...inputs.training };
    const started = await startTraining(secondary, inputs.secondaryProjectName, inputs.projectKind, request);
    return { step: "train", target, contentHash, statusUrl: started.statusUrl };
}

/**
 * Whether a job trains with the options asked for, as far as the service shows them: the
 * configuration version (unless "latest", which the job shows resolved) and, for conversations,
 * the training mode. The evaluation split is not shown in jobs.
 */
function hasOptions(job: FoundTraining, inputs: CheckedInputs): boolean {
    const { trainingConfigVersion, trainingMode = "standard" } = inputs.training;
    const version = trainingConfigVersion === "latest" || job.trainingConfigVersion === trainingConfigVersion;
    return version && (job.trainingMode === undefined || job.trainingMode === trainingMode);
}
