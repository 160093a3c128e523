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
 * Whether the replica must be renewed before it stops serving: its deployment expires within the
 * warning window, or its training configuration is past expiry (a deployment expires 12 months
 * after its configuration does, Learn "model lifecycle"). With `latest`, a newer configuration
 * renews it: the record names that version, which makes the renewed model a new candidate. Once
 * nothing is due the last record stays as it is, so a renewal that was applied is no change.
 */
export function renewalOf(facts: ExpiryFacts): Renewal | undefined {
    const { deployment } = facts;
    if (!deployment) return facts.previous;
    const daysLeft = Math.round((Date.parse(deployment.expirationDate) - Date.parse(facts.today)) / dayMs);
    const configExpiry =
        facts.offered.find((config) => config.trainingConfigVersion === deployment.trainingConfigVersion)
            ?.modelExpirationDate ?? yearBefore(deployment.expirationDate);
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
