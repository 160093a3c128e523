import type { ProjectKind, TrainingConfigVersion } from "../../provider/contract";

// Versions from Learn "model lifecycle" (custom features). The published expiry dates of these
// latest versions (2025-08-26 CLU, 2025-10-22 the others) have been extended by the service while
// no newer version exists; the emulator keeps them two years further so models never look expired.
// A deployment expires 12 months after the training config of its model (same page).
const trainingConfigsByKind: Readonly<Record<ProjectKind, readonly TrainingConfigVersion[]>> = {
    Conversation: [{ trainingConfigVersion: "2022-09-01", modelExpirationDate: "2027-08-26" }],
    Orchestration: [{ trainingConfigVersion: "2022-09-01", modelExpirationDate: "2027-10-22" }],
    CustomSingleLabelClassification: [{ trainingConfigVersion: "2022-05-01", modelExpirationDate: "2027-10-22" }],
    CustomMultiLabelClassification: [{ trainingConfigVersion: "2022-05-01", modelExpirationDate: "2027-10-22" }],
    CustomEntityRecognition: [{ trainingConfigVersion: "2022-05-01", modelExpirationDate: "2027-10-22" }],
};

export function trainingConfigsOf(kind: ProjectKind): readonly TrainingConfigVersion[] {
    return trainingConfigsByKind[kind];
}

/** `"latest"` (the value the service accepts in place of a version) is the newest one. */
export function findTrainingConfig(kind: ProjectKind, requested: string): TrainingConfigVersion | undefined {
    const configs = trainingConfigsByKind[kind];
    return requested === "latest"
        ? configs.at(-1)
        : configs.find((config) => config.trainingConfigVersion === requested);
}

export function deploymentExpirationDate(modelExpirationDate: string): string {
    const date = new Date(`${modelExpirationDate}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() + 1);
    return date.toISOString().slice(0, 10);
}
