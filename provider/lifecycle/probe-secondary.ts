import type { AuthoringClient } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import type { ProjectKind } from "../contract";
import type { CheckFailure } from "./check-failures";

/**
 * The one GET `check` sends the secondary before anything is written: its training
 * configuration versions for the project's kind. The answer proves the endpoint and the
 * credentials (a refusal throws, for `refusalOf` to name the field) and tells whether the
 * declared version exists there, which otherwise only the train call would find out, after the
 * import has already replaced the replica's content.
 *
 * A secondary that does not answer (5xx, throttling, network, after the client's retries) is
 * not a fault of the inputs: the preview goes on, and `up` reports the outage if it persists.
 */
export async function probeSecondary(
    secondary: AuthoringClient,
    kind: ProjectKind,
    trainingConfigVersion: string,
): Promise<CheckFailure | undefined> {
    const where = secondary.transport.resourceLabel;
    let offered: string[];
    try {
        const versions = await secondary.listTrainingConfigVersions(kind);
        offered = versions.map((version) => version.trainingConfigVersion);
    } catch (error) {
        if (error instanceof LanguageApiError && error.status === 404) {
            return {
                property: "secondary.endpoint",
                reason: `${where} answered 404 (${error.code}) for the authoring API; give the resource's endpoint, e.g. https://<resource>.cognitiveservices.azure.com, with no path`,
            };
        }
        if (error instanceof LanguageApiError && error.isRetryable) return undefined;
        throw error;
    }
    if (trainingConfigVersion === "latest" || offered.includes(trainingConfigVersion)) return undefined;
    const choices = [...offered.map((version) => `"${version}"`), '"latest"'].join(", ");
    return {
        property: "training.trainingConfigVersion",
        reason: `"${trainingConfigVersion}" is not offered by the secondary (${where}) for ${kind} projects; use one of ${choices}`,
    };
}
