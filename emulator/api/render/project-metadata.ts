import type { ProjectMetadata } from "../../../provider/contract";
import { formatDateTime } from "../../domain/timestamps";
import type { StoredProject } from "../../state/state-schema";

/**
 * ProjectMetadata in the key order of the service's examples; multilingual defaults to false.
 * The service leaves out lastTrainedDateTime and lastDeployedDateTime (both optional in the specs)
 * even after training and deploying: models and deployments carry those times.
 */
export function renderProjectMetadata(project: StoredProject): ProjectMetadata {
    const { projectKind, storageInputContainerName, settings, projectName, multilingual, description, language } =
        project.metadata;
    return {
        createdDateTime: formatDateTime(project.createdMs),
        lastModifiedDateTime: formatDateTime(project.lastModifiedMs),
        projectKind,
        ...(storageInputContainerName === undefined ? {} : { storageInputContainerName }),
        ...(settings === undefined ? {} : { settings: structuredClone(settings) }),
        projectName,
        multilingual: multilingual ?? false,
        ...(description === undefined ? {} : { description }),
        language,
    };
}
