import type { ProjectMetadata } from "../../../provider/contract";
import { formatDateTime } from "../../domain/timestamps";
import type { StoredProject } from "../../state/state-schema";

/**
 * ProjectMetadata in the key order of the service's examples. lastTrained/lastDeployed are
 * omitted (not null) until the first train/deploy; multilingual defaults to false.
 */
export function renderProjectMetadata(project: StoredProject): ProjectMetadata {
    const { projectKind, storageInputContainerName, settings, projectName, multilingual, description, language } =
        project.metadata;
    return {
        createdDateTime: formatDateTime(project.createdMs),
        lastModifiedDateTime: formatDateTime(project.lastModifiedMs),
        ...(project.lastTrainedMs === undefined ? {} : { lastTrainedDateTime: formatDateTime(project.lastTrainedMs) }),
        ...(project.lastDeployedMs === undefined
            ? {}
            : { lastDeployedDateTime: formatDateTime(project.lastDeployedMs) }),
        projectKind,
        ...(storageInputContainerName === undefined ? {} : { storageInputContainerName }),
        ...(settings === undefined ? {} : { settings: structuredClone(settings) }),
        projectName,
        multilingual: multilingual ?? false,
        ...(description === undefined ? {} : { description }),
        language,
    };
}
