import type { ErrorDetail } from "../../../provider/contract";
import type { HostedResource } from "../../config/hosted-resource";
import { jobErrors } from "../../errors";
import type { DocumentTexts } from "../../model/train-model";
import type { ProjectContent, ResourceState } from "../../state/state-schema";
import { checkInputContainer } from "./input-container";

/** What training reads: why it cannot train (empty when it can), and the text of every document. */
export interface TrainingData {
    readonly problems: readonly ErrorDetail[];
    /** Document location -> text; empty for conversation projects, whose utterances are in the assets. */
    readonly texts: DocumentTexts;
}

const noTexts: DocumentTexts = new Map();

export async function loadTrainingData(
    content: ProjectContent,
    resource: HostedResource,
    state: ResourceState,
): Promise<TrainingData> {
    const { assets } = content;
    switch (assets.projectKind) {
        case "Conversation":
            return {
                problems: (assets.utterances ?? []).length === 0 ? [noLabelledData("utterances")] : [],
                texts: noTexts,
            };
        case "Orchestration":
            return {
                problems:
                    (assets.utterances ?? []).length === 0
                        ? [noLabelledData("utterances")]
                        : findMissingTargets(content, state),
                texts: noTexts,
            };
        case "CustomSingleLabelClassification":
        case "CustomMultiLabelClassification":
        case "CustomEntityRecognition":
            return (assets.documents ?? []).length === 0
                ? { problems: [noLabelledData("documents")], texts: noTexts }
                : readDocumentTexts(content, resource);
    }
}

function noLabelledData(items: string): ErrorDetail {
    return jobErrors.invalidAsset(`assets.${items}`, `The project has no labelled ${items} to train on.`);
}

/**
 * Orchestration routes to CLU projects of the same resource by deployment name, so those must be
 * deployed first. Luis and QuestionAnswering targets live outside this service and are not checked.
 */
function findMissingTargets(content: ProjectContent, state: ResourceState): ErrorDetail[] {
    if (content.assets.projectKind !== "Orchestration") {
        return [];
    }
    return (content.assets.intents ?? []).flatMap((intent, index) => {
        const target = intent.orchestration;
        if (target?.targetProjectKind !== "Conversation") {
            return [];
        }
        const { projectName, deploymentName } = target.conversationOrchestration;
        const project = state.projects[projectName];
        if (project?.metadata.projectKind !== "Conversation" || project.deployments[deploymentName] === undefined) {
            return [
                jobErrors.invalidAsset(
                    `assets.intents[${index}].orchestration`,
                    `The intent "${intent.category}" routes to the deployment "${deploymentName}" of the Conversation project "${projectName}", which does not exist in this resource.`,
                ),
            ];
        }
        return [];
    });
}

/**
 * Reads every document of a text project from the linked storage; entity labels must lie inside
 * their document. Conversation projects have no documents: nothing to read.
 */
export async function readDocumentTexts(content: ProjectContent, resource: HostedResource): Promise<TrainingData> {
    const documents = labelledDocuments(content);
    if (documents.length === 0) {
        return { problems: [], texts: noTexts };
    }
    const containerName = content.metadata.storageInputContainerName!;
    const containerProblems = await checkInputContainer(resource, containerName);
    if (containerProblems.length > 0 || resource.storage === undefined) {
        return { problems: containerProblems, texts: noTexts };
    }
    const storage = resource.storage;
    const problems: ErrorDetail[] = [];
    const texts = new Map<string, string>();
    for (const [index, document] of documents.entries()) {
        const target = `assets.documents[${index}].location`;
        const read = await storage.readDocument(containerName, document.location);
        if (read.kind === "unreachable") {
            return { problems: [jobErrors.storageUnreachable(resource.name, storage.accountName, read.cause)], texts };
        }
        if (read.kind === "missing") {
            problems.push(
                jobErrors.invalidDocument(
                    target,
                    `The document "${document.location}" was not found in the container "${containerName}" of the storage account "${storage.accountName}" linked to the Language resource "${resource.name}".`,
                ),
            );
        } else if (document.labelEnds.some((end) => end > read.text.length)) {
            problems.push(
                jobErrors.invalidDocument(
                    target,
                    `The document "${document.location}" has ${read.text.length} characters, but an entity label ends after that.`,
                ),
            );
        } else {
            texts.set(document.location, read.text);
        }
    }
    return { problems, texts };
}

/** Each document with where its entity labels end (none for classification). */
function labelledDocuments(content: ProjectContent): { location: string; labelEnds: number[] }[] {
    const assets = content.assets;
    switch (assets.projectKind) {
        case "CustomSingleLabelClassification":
        case "CustomMultiLabelClassification":
            return (assets.documents ?? []).map((document) => ({ location: document.location, labelEnds: [] }));
        case "CustomEntityRecognition":
            return (assets.documents ?? []).map((document) => ({
                location: document.location,
                labelEnds: (document.entities ?? []).flatMap((region) =>
                    region.labels.map((label) => label.offset + label.length),
                ),
            }));
        case "Conversation":
        case "Orchestration":
            return [];
    }
}
