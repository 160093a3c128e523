import type { TrainingConfigVersion } from "../contract";

/** What the expiry watch records: why a renewal is due, and the version it trains with when one is newer. */
export interface Renewal {
    trainingConfigVersion?: string;
    reason: string;
}

export interface ExpiryFacts {
    /** The serving deployment, if there is one. */
    deployment?: { name: string; expirationDate: string; trainingConfigVersion: string };
    /** The training configuration versions the secondary offers for the project's kind. */
    offered: readonly TrainingConfigVersion[];
    /** `YYYY-MM-DD`, in UTC. */
    today: string;
    warningDays: number;
    /** The user's `trainingConfigVersion`: `latest` may move, a dated one is pinned. */
    requested: string;
    /** What was recorded last time. */
    previous?: Renewal;
}

const dayMs = 86_400_000;

/**
 * What the expiry watch read of the serving deployment, kept by `check` so that a later check can
 * tell without a request that nothing can be due yet (see `isQuiet`). Dates are `YYYY-MM-DD`.
 */
export interface ExpiryRecord {
    deploymentName: string;
    /** When the deployment expires. */
    expirationDate: string;
    /** When the training configuration of its model expires. */
    configExpiry: string;
}

/** The record of a deployment, its configuration's expiry looked up among the versions offered. */
export function expiryRecordOf(
    deployment: NonNullable<ExpiryFacts["deployment"]>,
    offered: readonly TrainingConfigVersion[],
): ExpiryRecord {
    // A deployment expires 12 months after its configuration does (Learn "model lifecycle").
    const configExpiry =
        offered.find((config) => config.trainingConfigVersion === deployment.trainingConfigVersion)
            ?.modelExpirationDate ?? yearBefore(deployment.expirationDate);
    return { deploymentName: deployment.name, expirationDate: deployment.expirationDate, configExpiry };
}

/**
 * Whether, by the record, no renewal can be due on `today`: the deployment expires after the
 * warning window and its configuration has not expired. Only a redeployment moves those dates,
 * and no record outlives one (see `keepingRecordOnlyWhenSettled`).
 */
export function isQuiet(record: ExpiryRecord, today: string, warningDays: number): boolean {
    return daysUntil(record.expirationDate, today) > warningDays && record.configExpiry >= today;
}

function daysUntil(date: string, today: string): number {
    return Math.round((Date.parse(date) - Date.parse(today)) / dayMs);
}

/**
 * Whether the replica must be renewed before it stops serving: its deployment expires within the
 * warning window, or its training configuration is past expiry. With `latest`, a newer
 * configuration renews it: the record names that version, which makes the renewed model a new
 * candidate. Once nothing is due the last record stays as it is, so a renewal that was applied is
 * no change.
 */
export function renewalOf(facts: ExpiryFacts): Renewal | undefined {
    const { deployment } = facts;
    if (!deployment) return facts.previous;
    const { configExpiry } = expiryRecordOf(deployment, facts.offered);
    const daysLeft = daysUntil(deployment.expirationDate, facts.today);
    const reasons = [
        daysLeft <= facts.warningDays &&
            (daysLeft < 0
                ? `deployment "${deployment.name}" expired on ${deployment.expirationDate}`
                : `deployment "${deployment.name}" expires on ${deployment.expirationDate}, in ${daysLeft} days (warning window ${facts.warningDays} days)`),
        configExpiry < facts.today &&
            `its training configuration ${deployment.trainingConfigVersion} expired on ${configExpiry}`,
    ].filter((reason): reason is string => typeof reason === "string");
    if (reasons.length === 0) return facts.previous;
    const why = reasons.join("; ");
    if (facts.requested !== "latest") {
        return {
            reason: `${why}; trainingConfigVersion is pinned to ${facts.requested}: set "latest" or a newer version to renew it`,
        };
    }
    const newest = [...facts.offered].sort((a, b) => b.modelExpirationDate.localeCompare(a.modelExpirationDate))[0];
    if (!newest || newest.modelExpirationDate <= configExpiry) {
        return { reason: `${why}; no newer training configuration is offered yet` };
    }
    return {
        trainingConfigVersion: newest.trainingConfigVersion,
        reason: `${why}: retrained with training configuration ${newest.trainingConfigVersion} (expires ${newest.modelExpirationDate})`,
    };
}

function yearBefore(date: string): string {
    const shifted = new Date(`${date}T00:00:00Z`);
    shifted.setUTCFullYear(shifted.getUTCFullYear() - 1);
    return shifted.toISOString().slice(0, 10);
}
