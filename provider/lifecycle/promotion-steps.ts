import { LanguageApiError } from "../client/language-api-error";
import { awaitDeploy, startDeploy } from "../operations/deploy-model";
import { awaitSwap, startSwap } from "../operations/swap-deployments";
import { rejectionReason } from "../plan/plan-replication";
import { judgeCandidate } from "../plan/promotion-verdict";
import { measureCandidate } from "./measure-candidate";
import { type GateRecord, stagingNameOf } from "./replica-state";
import {
    adoptable,
    recordServing,
    recordStaging,
    runJob,
    StepBlockedError,
    type StepRun,
    type StepRunner,
} from "./step-run";

/** Rejections remembered: enough for a primary edited back and forth, small enough for state. */
const rejectionsKept = 10;

/** Staging, the gate and its swap, a rollback's swap, and pruning old models. */
export const promotionRunners = {
    async stage(run, step) {
        const { inputs, secondary } = run;
        const staging = stagingNameOf(inputs)!;
        const label = step.label!;
        await runJob(
            run,
            { step: "stage", target: `${staging} <- ${label}`, contentHash: run.state.importedContentHash ?? "" },
            () => startDeploy(secondary, inputs.secondaryProjectName, staging, label),
            (statusUrl) =>
                awaitDeploy(secondary, inputs.secondaryProjectName, staging, statusUrl, run.context("deploy")),
        );
        await recordStaging(run, staging);
        return "ran";
    },

    /**
     * The gate, then the promotion: measured and judged; a pass (or any result in warn mode)
     * swaps the candidate into the serving deployment, or deploys it there when none exists yet.
     * A failure in enforce mode records the rejection and changes nothing that serves. A swap a
     * killed run started after its gate passed is adopted without measuring again.
     */
    async promote(run, step) {
        if (step.blocked) throw new StepBlockedError(step.reason);
        const label = step.label!;
        if (!adoptable(run, "promote", servingTarget(run, label))) await passGate(run, label);
        await serveCandidate(run, label, "promote");
        return "ran";
    },

    /** A rollback to the model the staging deployment holds: the deployments swap, nothing is trained. */
    async swap(run, step) {
        await serveCandidate(run, step.label!, "swap");
        return "ran";
    },

    async prune(run, step) {
        const { inputs, state, secondary } = run;
        const log = run.context("deploy").log;
        for (const label of step.labels ?? []) {
            log(`deleting model ${label}: older than the ${inputs.keepModels} kept, and not serving`);
            await secondary.deleteModel(inputs.secondaryProjectName, label).catch((error: unknown) => {
                if (!(error instanceof LanguageApiError && error.status === 404)) throw error;
            });
            state.keptModels = (state.keptModels ?? []).filter((model) => model.label !== label);
        }
        return "ran";
    },
} satisfies Record<"stage" | "promote" | "swap" | "prune", StepRunner>;

/** Measures and judges the staged candidate, recording the figures; throws when enforce mode rejects it. */
async function passGate(run: StepRun, label: string): Promise<void> {
    const { inputs, state } = run;
    const promotion = inputs.promotion!;
    const context = run.context("gate");
    const { disagreements, ...figures } = await measureCandidate(run, label, stagingNameOf(inputs)!);
    const verdict = judgeCandidate(
        { ...promotion, ...(promotion.parity && { minAgreement: promotion.parity.minAgreement }) },
        figures,
    );
    const enforced = promotion.mode === "enforce";
    const decision: GateRecord["decision"] = verdict.passed
        ? "promoted"
        : enforced
          ? "rejected"
          : "promoted despite failing (mode warn)";
    const measuredAt = new Date(context.clock.now()).toISOString();
    state.gate = { candidate: label, decision, verdict: verdict.summary, measuredAt, ...figures };
    if (disagreements.length > 0) context.log(`parity: answered differently, e.g. ${disagreements.join("; ")}`);
    if (verdict.passed) {
        context.log(`promote: candidate ${label} passed (${verdict.summary})`);
        return;
    }
    if (!enforced) {
        run.warn(
            `promote: candidate ${label} failed the gate (${verdict.summary}); promoted anyway, as promotion.mode is "warn"`,
        );
        return;
    }
    const rejected = { label, verdict: verdict.summary, rejectedAt: measuredAt };
    state.rejectedCandidates = [...(state.rejectedCandidates ?? []), rejected].slice(-rejectionsKept);
    const serving = state.trainedModel?.label ?? "nothing";
    throw new StepBlockedError(rejectionReason(label, verdict.summary, inputs.deploymentName, serving));
}

/**
 * Puts `label` into the serving deployment: the service's swap when both deployments exist (the
 * serving one changes in one step and the model it served stays deployed in staging), a deploy
 * when the replica has no serving deployment yet.
 */
async function serveCandidate(run: StepRun, label: string, step: "promote" | "swap"): Promise<void> {
    const { inputs, state, secondary } = run;
    const project = inputs.secondaryProjectName;
    const staging = stagingNameOf(inputs)!;
    const job = { step, target: servingTarget(run, label), contentHash: state.importedContentHash ?? "" };
    if (state.deployment) {
        const pair = [inputs.deploymentName, staging] as const;
        await runJob(
            run,
            job,
            () => startSwap(secondary, project, ...pair),
            (statusUrl) => awaitSwap(secondary, project, pair, statusUrl, run.context("deploy")),
        );
        await recordStaging(run, staging);
    } else {
        await runJob(
            run,
            job,
            () => startDeploy(secondary, project, inputs.deploymentName, label),
            (statusUrl) => awaitDeploy(secondary, project, inputs.deploymentName, statusUrl, run.context("deploy")),
        );
    }
    await recordServing(run, label);
}

/** What a job that puts `label` into the serving deployment is recorded as, to be adopted by a later run. */
function servingTarget(run: StepRun, label: string): string {
    return `${run.inputs.deploymentName} <- ${label}`;
}
