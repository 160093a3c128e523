import type { AuthoringClient } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import type { ProjectKind, TrainingConfigVersion } from "../contract";
import { type AnswerSharing, SharedAnswers } from "../operations/answer-sharing";
import type { CheckFailure } from "./check-failures";

/** The answers of this process, so a fleet on one secondary costs one probe per kind rather than one per replica. */
const answers = new SharedAnswers<Promise<TrainingConfigVersion[]>>();

/**
 * The one GET `check` sends the secondary before anything is written: its training
 * configuration versions for the project's kind. The answer proves the endpoint and the
 * credentials (a refusal throws, for `refusalOf` to name the field) and tells whether the
 * declared version exists there, which otherwise only the train call would find out, after the
 * import has already replaced the replica's content. An answer is shared by the checks of this
 * process that would ask the same; a failed probe is not kept.
 *
 * The versions listed are also what the expiry watch compares the replica's configuration with.
 *
 * A secondary that does not answer (5xx, throttling, network, after the client's retries) is
 * not a fault of the inputs: the preview goes on (with nothing offered), and `up` reports the
 * outage if it persists.
 */
export async function probeSecondary(
    secondary: AuthoringClient,
    kind: ProjectKind,
    trainingConfigVersion: string,
    sharing: AnswerSharing,
): Promise<{ failure: CheckFailure } | { offered: TrainingConfigVersion[] }> {
    const where = secondary.transport.resourceLabel;
    let offered: TrainingConfigVersion[];
    try {
        offered = await offeredVersions(secondary, kind, sharing);
    } catch (error) {
        if (error instanceof LanguageApiError && error.status === 404) {
            return {
                failure: {
                    property: "secondary.endpoint",
                    reason: `${where} answered 404 (${error.code}) for the authoring API; give the resource's endpoint, e.g. https://<resource>.cognitiveservices.azure.com, with no path`,
                },
            };
        }
        if (error instanceof LanguageApiError && error.isRetryable) return { offered: [] };
        throw error;
    }
    const names = offered.map((version) => version.trainingConfigVersion);
    if (trainingConfigVersion === "latest" || names.includes(trainingConfigVersion)) return { offered };
    const choices = [...names.map((version) => `"${version}"`), '"latest"'].join(", ");
    return {
        failure: {
            property: "training.trainingConfigVersion",
            reason: `"${trainingConfigVersion}" is not offered by the secondary (${where}) for ${kind} projects; use one of ${choices}`,
        },
    };
}

function offeredVersions(
    secondary: AuthoringClient,
    kind: ProjectKind,
    sharing: AnswerSharing,
): Promise<TrainingConfigVersion[]> {
    const question = `${secondary.transport.endpoint} ${secondary.apiVersion} ${kind}`;
    let answer = answers.get(sharing, question);
    if (!answer) {
        answer = secondary.listTrainingConfigVersions(kind);
        answers.set(sharing, question, answer);
        answer.catch(() => answers.delete(sharing, question));
    }
    return answer;
}
