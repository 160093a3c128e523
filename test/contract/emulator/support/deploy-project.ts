import { trainingJobStateSchema } from "../../../../provider/contract";
import type { LanguageApi } from "./language-api";

/** The split runtime tests train with: items marked Test are evaluated, the others learned. */
export const manualSplit = { kind: "manual" } as const;

export const conversationTraining = {
    modelLabel: "v1",
    trainingMode: "standard",
    evaluationOptions: manualSplit,
} as const;

export const textTraining = {
    modelLabel: "v1",
    trainingConfigVersion: "latest",
    evaluationOptions: manualSplit,
} as const;

/** Imports (unless told not to), trains `v1` and deploys it as `production`. */
export async function deployProject(
    api: LanguageApi,
    file: { readonly metadata: { readonly projectName: string } },
    training: Readonly<Record<string, unknown>>,
    { importFirst = true }: { readonly importFirst?: boolean } = {},
): Promise<void> {
    const projectName = file.metadata.projectName;
    if (importFirst) {
        await api.importProject(file);
    }
    await api.run("POST", `/${projectName}/:train`, { body: training }, trainingJobStateSchema);
    await api.run("PUT", `/${projectName}/deployments/production`, { body: { trainedModelLabel: "v1" } });
}
