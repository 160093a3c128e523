/** What the secondary answers for a trained model and a deployment, as the replica's observation holds them. */
export const trainedModelRecord = (label: string, modelId = `${label}-id`) => ({
    label,
    modelId,
    lastTrainedDateTime: "t",
    trainingDurationSeconds: 1,
    trainingConfigVersion: "2022-09-01",
    modelExpirationDate: "2027-01-01",
    evaluation: { status: "pending" as const },
});

export const deploymentRecord = (name: string, modelId: string) => ({
    name,
    modelId,
    lastDeployedDateTime: "t",
    expirationDate: "2027-01-01",
    trainingConfigVersion: "2022-09-01",
});
