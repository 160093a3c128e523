import type { AuthoringClient } from "../client/authoring-client";
import { awaitDeploy, readDeployment, startDeploy } from "../operations/deploy-model";
import { exportProject } from "../operations/export-project";
import { awaitImport, startImport } from "../operations/import-project";
import type { OperationContext } from "../operations/operation-context";
import { checkOrchestrationTargets } from "../operations/orchestration-targets";
import {
    awaitTraining,
    cancelTraining,
    findRunningTraining,
    readTrainedModel,
    startTraining,
} from "../operations/train-model";
import { contentHashOf } from "../plan/content-fingerprint";
import type { StepName } from "../plan/plan-replication";
import type { CheckedInputs, TimeoutMinutes } from "./inputs";
import { type PendingJob, type ReplicaState, trainingSignatureOf } from "./replica-state";

/** One run of the plan: what the steps share, and what they record as they complete. */
export interface StepRun {
    inputs: CheckedInputs;
    /** Updated by each step as it completes; `pendingJob` is set while a job is awaited. */
    state: ReplicaState;
    primary: AuthoringClient;
    secondary: AuthoringClient;
    context: (step: keyof TimeoutMinutes) => OperationContext;
    /** Steps completed in this run: a job an earlier run left for a later step is stale after them. */
    completed: StepName[];
}

/** Each step: start its job (or adopt the one still valid), wait for it, record the result. */
export const stepRunners: Readonly<Record<StepName, (run: StepRun) => Promise<void>>> = {
    async import(run) {
        const { inputs, state, secondary } = run;
        const job = adoptable(run, "import", inputs.secondaryProjectName) ?? (await startImportJob(run));
        state.pendingJob = job;
        await awaitImport(secondary, inputs.secondaryProjectName, job.statusUrl, run.context("import"));
        state.importedContentHash = job.contentHash;
        state.importedLastModifiedDateTime = (
            await secondary.getProject(inputs.secondaryProjectName)
        ).lastModifiedDateTime;
    },

    async train(run) {
        const { inputs, state, secondary } = run;
        const job = await trainingJob(run, state.importedContentHash!);
        state.pendingJob = job;
        await awaitTraining(secondary, inputs.secondaryProjectName, job.statusUrl, run.context("train"));
        state.trainedFrom = { contentHash: job.contentHash, trainingSignature: trainingSignatureOf(inputs) };
        state.trainedModel = await readTrainedModel(secondary, inputs.secondaryProjectName, inputs.modelLabel);
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

async function startImportJob(run: StepRun): Promise<PendingJob> {
    const { inputs, secondary } = run;
    const file = await exportProject(run.primary, inputs.projectName, run.context("export"));
    await checkOrchestrationTargets(secondary, file);
    const { statusUrl } = await startImport(secondary, inputs.secondaryProjectName, file);
    return { step: "import", target: inputs.secondaryProjectName, statusUrl, contentHash: contentHashOf(file) };
}

/**
 * The training to wait for. A job left pending for this content and label is adopted; so is a
 * job of this label already running on the service, when it started after the content was
 * imported. A job that started before (it trains older content) is cancelled: the service runs
 * one training per project, and recording its model as trained from the new content would lie.
 */
async function trainingJob(run: StepRun, contentHash: string): Promise<PendingJob> {
    const { inputs, state, secondary } = run;
    const target = `${inputs.modelLabel} <- ${trainingSignatureOf(inputs)}`;
    const pending = adoptable(run, "train", target);
    if (pending?.contentHash === contentHash) return pending;
    const running = await findRunningTraining(secondary, inputs.secondaryProjectName, inputs.modelLabel);
    if (running) {
        const importedAt = Date.parse(state.importedLastModifiedDateTime ?? "");
        const current = run.completed.length === 0 && Date.parse(running.createdDateTime) >= importedAt;
        if (current) return { step: "train", target, contentHash, statusUrl: running.statusUrl };
        run.context("train").log(`cancelling training job ${running.jobId}: it trains content older than the import`);
        await cancelTraining(secondary, inputs.secondaryProjectName, running.jobId, run.context("train"));
    }
    const request = { modelLabel: inputs.modelLabel, ...inputs.training };
    const started = await startTraining(secondary, inputs.secondaryProjectName, inputs.projectKind, request);
    return { step: "train", target, contentHash, statusUrl: started.statusUrl };
}
