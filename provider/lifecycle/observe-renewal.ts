import type { AuthoringClient } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import type { TrainingConfigVersion } from "../contract";
import { readDeployment } from "../operations/deploy-model";
import { type Renewal, renewalOf } from "../plan/expiry-renewal";
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

/**
 * The expiry watch of `check`: one GET of the serving deployment (its expiration date and the
 * configuration of its model), judged by `renewalOf`. A renewal that is due is said as a warning
 * on the resource's row. A secondary that does not answer keeps the last record.
 */
export async function observeRenewal(
    secondary: AuthoringClient,
    question: RenewalQuestion,
    log: ResourceLog,
): Promise<Renewal | undefined> {
    let deployment;
    try {
        deployment = await readDeployment(secondary, question.projectName, question.deploymentName);
    } catch (error) {
        if (error instanceof LanguageApiError && error.isRetryable) return question.previous;
        throw error;
    }
    const renewal = renewalOf({
        ...(deployment && {
            deployment: {
                name: deployment.name,
                expirationDate: deployment.expirationDate,
                trainingConfigVersion: deployment.trainingConfigVersion,
            },
        }),
        offered: question.offered,
        today: new Date(question.now).toISOString().slice(0, 10),
        warningDays: question.warningDays,
        requested: question.requested,
        previous: question.previous,
    });
    if (renewal && renewal !== question.previous) log.warn(`expiry: ${renewal.reason}`);
    return renewal;
}
