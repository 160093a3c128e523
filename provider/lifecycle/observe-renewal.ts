import type { AuthoringClient } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import type { TrainingConfigVersion } from "../contract";
import { readDeployment } from "../operations/deploy-model";
import { type ExpiryRecord, expiryRecordOf, type Renewal, renewalOf } from "../plan/expiry-renewal";
import type { ResourceLog } from "./resource-log";

export interface RenewalQuestion {
    /** The replica's project and serving deployment on the secondary. */
    projectName: string;
    deploymentName: string;
    offered: readonly TrainingConfigVersion[];
    requested: string;
    warningDays: number;
    previous: Renewal | undefined;
    /** Epoch milliseconds. */
    now: number;
}

/** What the watch found: the renewal due, if any, and the dates it read, for later checks to rely on. */
export interface RenewalObservation {
    renewal?: Renewal;
    record?: ExpiryRecord;
}

/**
 * The expiry watch of `check`: one GET of the serving deployment (its expiration date and the
 * configuration of its model), judged by `renewalOf`. A renewal that is due is said as a warning
 * on the resource's row. A secondary that does not answer keeps the last renewal, and no record.
 * The record is what later checks may rely on instead of reading again (see recorded-expiry.ts).
 */
export async function observeRenewal(
    secondary: AuthoringClient,
    question: RenewalQuestion,
    log: ResourceLog,
): Promise<RenewalObservation> {
    let read;
    try {
        read = await readDeployment(secondary, question.projectName, question.deploymentName);
    } catch (error) {
        if (error instanceof LanguageApiError && error.isRetryable)
            return question.previous ? { renewal: question.previous } : {};
        throw error;
    }
    const deployment = read && {
        name: read.name,
        expirationDate: read.expirationDate,
        trainingConfigVersion: read.trainingConfigVersion,
    };
    const renewal = renewalOf({
        ...(deployment && { deployment }),
        offered: question.offered,
        today: new Date(question.now).toISOString().slice(0, 10),
        warningDays: question.warningDays,
        requested: question.requested,
        previous: question.previous,
    });
    if (renewal && renewal !== question.previous) log.warn(`expiry: ${renewal.reason}`);
    // A model of another version than the one pinned is to be retrained, and its deployment's
    // dates move (earlier, too, for an older version): later checks must not rely on these.
    // A model trained with `latest` is retrained with the newest, which only moves them later.
    const lasting =
        deployment && (question.requested === "latest" || deployment.trainingConfigVersion === question.requested);
    return {
        ...(renewal && { renewal }),
        ...(lasting && { record: expiryRecordOf(deployment, question.offered) }),
    };
}
