import type { ApiVersion, ProjectKind, TrainingConfigVersion } from "../../provider/contract";
import { findTrainingConfig, trainingConfigsOf } from "./training-configs";

/**
 * The training configuration versions the service offers, per project kind, oldest first: the
 * published ones of the api-version (`training-configs.ts`) unless the admin API replaced a
 * kind's list, as tests do to stage the expiry of a model and its deployment (a version that
 * expires soon, a newer one released); `reset` brings back the published versions.
 */
export class TrainingConfigCatalog {
    private readonly offered = new Map<ProjectKind, readonly TrainingConfigVersion[]>();
    /** Every version offered before: a job started with one finishes with it, whatever the list says now. */
    private readonly known: TrainingConfigVersion[] = [];

    list(kind: ProjectKind, apiVersion: ApiVersion): readonly TrainingConfigVersion[] {
        return this.offered.get(kind) ?? trainingConfigsOf(kind, apiVersion);
    }

    /**
     * `"latest"` (the value the service accepts in place of a version) is the newest version of
     * a list the admin API set, or the one the published catalogue marks latest.
     */
    find(kind: ProjectKind, apiVersion: ApiVersion, requested: string): TrainingConfigVersion | undefined {
        const replaced = this.offered.get(kind);
        if (requested === "latest" && replaced !== undefined) return replaced.at(-1);
        return (
            [...(replaced ?? []), ...this.known].find((config) => config.trainingConfigVersion === requested) ??
            findTrainingConfig(kind, apiVersion, requested)
        );
    }

    /** Replaces what a kind offers; the versions offered before stay known, for jobs started with them. */
    set(kind: ProjectKind, versions: readonly TrainingConfigVersion[], apiVersion: ApiVersion): void {
        this.known.unshift(...this.list(kind, apiVersion));
        this.offered.set(kind, [...versions]);
    }

    reset(): void {
        for (const versions of this.offered.values()) this.known.unshift(...versions);
        this.offered.clear();
    }
}
