import type { ProjectKind, TrainingConfigVersion } from "../../provider/contract";
import { findTrainingConfig, trainingConfigsOf } from "./training-configs";

/**
 * The training configuration versions the service offers, per project kind, oldest first: the
 * published ones (`training-configs.ts`) unless the admin API replaced a kind's list, as tests do
 * to stage the expiry of a model and its deployment (a version that expires soon, a newer one
 * released); `reset` brings back the published versions.
 */
export class TrainingConfigCatalog {
    private readonly offered = new Map<ProjectKind, readonly TrainingConfigVersion[]>();
    /** Every version offered before: a job started with one finishes with it, whatever the list says now. */
    private readonly known: TrainingConfigVersion[] = [];

    list(kind: ProjectKind): readonly TrainingConfigVersion[] {
        return this.offered.get(kind) ?? trainingConfigsOf(kind);
    }

    /** `"latest"` (the value the service accepts in place of a version) is the newest one offered. */
    find(kind: ProjectKind, requested: string): TrainingConfigVersion | undefined {
        if (requested === "latest") return this.list(kind).at(-1);
        const versions = [...this.list(kind), ...this.known];
        return (
            versions.find((config) => config.trainingConfigVersion === requested) ?? findTrainingConfig(kind, requested)
        );
    }

    set(kind: ProjectKind, versions: readonly TrainingConfigVersion[]): void {
        this.known.unshift(...this.list(kind));
        this.offered.set(kind, [...versions]);
    }

    reset(): void {
        for (const versions of this.offered.values()) this.known.unshift(...versions);
        this.offered.clear();
    }
}
