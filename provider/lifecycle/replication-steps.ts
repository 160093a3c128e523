import { awaitDeploy, startDeploy } from "../operations/deploy-model";
import { exportCache } from "../export-cache/export-cache";
import { awaitImport, startImportOfFile } from "../operations/import-project";
import { checkOrchestrationTargets } from "../operations/orchestration-targets";
import {
    awaitTraining,
    cancelTraining,
    type FoundTraining,
    findLatestTraining,
    startTraining,
} from "../operations/train-model";
import { isReplicaModel } from "../plan/derived-names";
import type { CheckedInputs } from "./inputs";
import { primaryExportForImport, withExport } from "./project-exports";
import { asPrimaryMetadata, importedMetadataOf } from "./replica-documents";
import { identityOf, type PendingJob, secondaryProjectOf, trainingSignatureOf } from "./replica-state";
import { adoptable, recordServing, runJob, StepBlockedError, type StepRun, type StepRunner } from "./step-run";

/** Import, train and deploy: start each job (or adopt the one still valid), wait for it, record the result. */
export const replicationRunners = {
    async import(run) {
        const { inputs, state, secondary } = run;
        const adopted = adoptable(run, "import", inputs.secondaryProjectName);
        const job = adopted ?? (await startImportJob(run));
        if (job !== "found done") {
            state.pendingJob = job;
            await awaitImport(secondary, inputs.secondaryProjectName, job.statusUrl, run.context("import"));
            const project = await secondary.getProject(inputs.secondaryProjectName);
            state.importedContentHash = job.contentHash;
            state.importedLastModifiedDateTime = project.lastModifiedDateTime;
            // Kept in step, so that a run failing later leaves a state its next preview reads right.
            state.secondaryProject = secondaryProjectOf(project);
            if (state.secondaryDocuments && project.storageInputContainerName) {
                state.secondaryDocuments.projectContainer = project.storageInputContainerName;
            }
        }
        // The candidate's label was planned from the content check saw; train nothing else under it.
        if (state.importedContentHash !== inputs.primaryRevision.contentHash) {
            delete state.pendingJob;
            throw new Error(
                `the primary's content changed while this update ran (planned ${inputs.primaryRevision.contentHash}, exported ${state.importedContentHash}); ` +
                    "the new content is imported: run pulumi up again to train it",
            );
        }
        return job === "found done" ? job : "ran";
    },

    async train(run, step) {
        const { inputs, state, secondary } = run;
        const label = step.label!;
        const job = await trainingJob(run, label, state.importedContentHash!);
        state.pendingJob = job;
        await awaitTraining(secondary, inputs.secondaryProjectName, job.statusUrl, run.context("train"));
        const model = await secondary.getModel(inputs.secondaryProjectName, label);
        const trainedFrom = { ...identityOf(inputs, state), contentHash: job.contentHash };
        const kept = { label, modelId: model.modelId, lastTrainedDateTime: model.lastTrainedDateTime, trainedFrom };
        state.keptModels = [kept, ...(state.keptModels ?? []).filter((other) => other.label !== label)];
        return "ran";
    },

    async deploy(run, step) {
        if (step.blocked) throw new StepBlockedError(step.reason);
        const { inputs, state, secondary } = run;
        const label = step.label!;
        const project = inputs.secondaryProjectName;
        await runJob(
            run,
            {
                step: "deploy",
                target: `${inputs.deploymentName} <- ${label}`,
                contentHash: state.importedContentHash ?? "",
            },
            () => startDeploy(secondary, project, inputs.deploymentName, label),
            (statusUrl) => awaitDeploy(secondary, project, inputs.deploymentName, statusUrl, run.context("deploy")),
        );
        await recordServing(run, label);
        return "ran";
    },
} satisfies Record<"import" | "train" | "deploy", StepRunner>;

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
        const metadata = importedMetadataOf(file.outline.metadata, inputs);
        const { statusUrl } = await startImportOfFile(secondary, inputs.secondaryProjectName, {
            ...file,
            outline: { ...file.outline, metadata },
        });
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
    const holds = await withExport(
        secondary,
        inputs.secondaryProjectName,
        run.context("export"),
        async (replica) => replica.fingerprint.contentHash === contentHash,
        (metadata) => asPrimaryMetadata(metadata, inputs),
    );
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
 * never started twice for the same content. A running job of another of the replica's labels
 * trains older content or other options: the service runs one training per project, so it is
 * cancelled.
 */
async function trainingJob(run: StepRun, label: string, contentHash: string): Promise<PendingJob> {
    const { inputs, state, secondary } = run;
    const target = `${label} <- ${trainingSignatureOf(inputs)}`;
    const pending = adoptable(run, "train", target);
    if (pending?.contentHash === contentHash) return pending;
    const ours = (other: string) => isReplicaModel(inputs.modelLabel, other);
    const { latest, stale } = await findLatestTraining(secondary, inputs.secondaryProjectName, label, ours);
    const importedAt = Date.parse(state.importedLastModifiedDateTime ?? "");
    if (
        latest &&
        run.completed.length === 0 &&
        Date.parse(latest.createdDateTime) >= importedAt &&
        hasOptions(latest, inputs)
    ) {
        run.context("train").log(`adopting training job ${latest.jobId} (${latest.status}) of this content`);
        return { step: "train", target, contentHash, statusUrl: latest.statusUrl };
    }
    for (const outdated of [latest, stale]) {
        if (!outdated?.running) continue;
        run.context("train").log(`cancelling training job ${outdated.jobId}: it trains older content or other options`);
        await cancelTraining(secondary, inputs.secondaryProjectName, outdated.jobId, run.context("train"));
    }
    const request = { modelLabel: label, ...inputs.training };
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
