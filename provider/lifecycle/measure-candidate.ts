import { familyOfKind } from "../contract";
import { awaitEvaluation } from "../operations/await-evaluation";
import { deployedModelEvaluation } from "../operations/deployed-evaluation";
import { type ParityResult, type ProbeItem, probeParity } from "../operations/parity-probe";
import { paritySample } from "../operations/parity-sample";
import { readDocuments } from "../operations/read-documents";
import type { GateFigures } from "../plan/promotion-verdict";
import { exportWholeProject } from "./project-exports";
import type { Promotion } from "./promotion-input";
import type { StepRun } from "./step-run";

/**
 * Measures a staged candidate for the gate: its evaluation (waited for), the primary's deployed
 * model's evaluation when a drop is limited, and the parity probe. The primary only answers GETs
 * and predictions.
 */
export async function measureCandidate(
    run: StepRun,
    label: string,
    stagingName: string,
): Promise<GateFigures & { disagreements: string[] }> {
    const { inputs } = run;
    const promotion = inputs.promotion!;
    const context = run.context("gate");
    const evaluation = await awaitEvaluation(run.secondary, inputs.secondaryProjectName, label, context);
    const primaryEvaluation =
        promotion.maxDropFromPrimary === undefined
            ? undefined
            : await deployedModelEvaluation(run.primary, inputs.projectName, inputs.deploymentName, context.signal);
    const parity = promotion.parity && (await measureParity(run, promotion.parity, stagingName));
    return {
        evaluation,
        ...(primaryEvaluation && { primaryEvaluation }),
        ...(parity && { parity: { sampled: parity.sampled, agreed: parity.agreed, rate: parity.rate } }),
        disagreements: parity?.disagreements ?? [],
    };
}

/**
 * Samples the replica's own utterances or documents (its working copy holds the candidate's
 * content) and asks the primary's deployment and the staging deployment about each.
 */
async function measureParity(
    run: StepRun,
    parity: NonNullable<Promotion["parity"]>,
    stagingName: string,
): Promise<ParityResult> {
    const { inputs } = run;
    const file = await exportWholeProject(run.secondary, inputs.secondaryProjectName, run.context("export"));
    const sample = paritySample(file, parity.sampleSize);
    const language = file.metadata.language;
    let items: ProbeItem[] = sample.map((text) => ({ name: JSON.stringify(text), text, language }));
    if (familyOfKind(inputs.projectKind) === "analyze-text") {
        // check requires the documents' storage for text projects.
        const container = file.metadata.storageInputContainerName ?? "";
        const texts = await readDocuments(parity.documents!.connectionString, container, sample);
        items = sample.map((location) => ({ name: location, text: texts.get(location)!, language }));
    }
    return probeParity(
        inputs.projectKind,
        items,
        { runtime: run.runtime("primary"), projectName: inputs.projectName, deploymentName: inputs.deploymentName },
        { runtime: run.runtime("secondary"), projectName: inputs.secondaryProjectName, deploymentName: stagingName },
        run.context("gate"),
    );
}
