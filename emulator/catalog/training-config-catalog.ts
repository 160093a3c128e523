import type { ProjectKind, TrainingConfigVersion } from "../../provider/contract";
import { defaultTrainingConfigs } from "./training-configs";

/**
 * The training configuration versions the service offers, per project kind, oldest first. Tests
 * replace a kind's list through the admin API (a version that expires soon, a newer one released)
 * to stage the expiry of a model and its deployment; `reset` brings back the published versions.
 */
export class TrainingConfigCatalog {
    private readonly offered = new Map<ProjectKind, readonly TrainingConfigVersion[]>();
    /** Every version ever offered: a job started with one finishes with it, whatever the list says now. */
    private readonly known: TrainingConfigVersion[] = [];

    list(kind: ProjectKind): readonly TrainingConfigVersion[] {
        return this.offered.get(kind) ?? defaultTrainingConfigs[kind];
    }

    /** `"latest"` (the value the service accepts in place of a version) is the newest one offered. */
    find(kind: ProjectKind, requested: string): TrainingConfigVersion | undefined {
        if (requested === "latest") return this.list(kind).at(-1);
        const versions = [...this.list(kind), ...defaultTrainingConfigs[kind], ...this.known];
        return versions.find((config) => config.trainingConfigVersion === requested);
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
