/** Scripted answers of the authoring API for check's requests (see scripted-send.ts). */

export const lastModifiedDateTime = "2026-11-20T10:00:00Z";

/** A project's metadata as the primary gives it (text kinds name their storage container). */
const metadataOf = (projectKind: string, projectName: string) => ({
    projectKind,
    projectName,
    language: "en-us",
    ...(projectKind.startsWith("Custom") && { storageInputContainerName: "documents" }),
    createdDateTime: "2026-11-01T10:00:00Z",
    lastModifiedDateTime,
});

/** The primary's project "faq" of a kind. */
export const project = (projectKind: string) => ({ status: 200, json: metadataOf(projectKind, "faq") });

/** A page of the primary's project listing, the last unless `nextLink` says where the next is. */
export const projectsPage = (projectKind: string, names: readonly string[], nextLink: string | null = null) => ({
    status: 200,
    json: { value: names.map((name) => metadataOf(projectKind, name)), nextLink },
});

/** The training configuration versions a resource offers. */
export const versions = (...offered: string[]) => ({
    status: 200,
    json: { value: offered.map((version) => ({ trainingConfigVersion: version, modelExpirationDate: "2027-08-26" })) },
});

/** The serving deployment, expiring on `expires`, its model trained with `version`. */
export const deployment = (expires: string, version: string) => ({
    status: 200,
    json: {
        deploymentName: "production",
        modelId: "production-1",
        lastTrainedDateTime: "2026-11-01T10:00:00Z",
        lastDeployedDateTime: "2026-11-01T10:00:00Z",
        deploymentExpirationDate: expires,
        modelTrainingConfigVersion: version,
    },
});

/** The secondary has no such project or deployment: a replica that does not exist yet. */
export const notFound = { status: 404, json: { error: { code: "NotFound", message: "not found" } } };

export const refused = {
    status: 401,
    json: { error: { code: "401", message: "Access denied due to invalid subscription key." } },
};
