import { familyOfKind, type ApiFamily, type ProjectAssets, type ProjectKind } from "../../provider/contract";
import type { ResourceState, StoredProject } from "../state/state-schema";
import { ownEntry } from "./own-entry";
import { floorToSecond, secondMs } from "./timestamps";

/** A project is visible only through the family its kind belongs to. */
export function findProject(state: ResourceState, family: ApiFamily, projectName: string): StoredProject | undefined {
    const project = ownEntry(state.projects, projectName);
    return project !== undefined && familyOfKind(project.metadata.projectKind) === family ? project : undefined;
}

/** The assets of a project nobody has labelled yet. */
export function emptyAssets(projectKind: ProjectKind): ProjectAssets {
    // Every asset variant is valid with only its projectKind.
    return { projectKind } as ProjectAssets;
}

/**
 * Every authoring edit moves lastModifiedDateTime. It is shown to the second, so an edit within the
 * same second (or under a frozen test clock) still moves it one second on: drift detection compares
 * the value verbatim and must see every edit.
 */
export function markModified(project: StoredProject, now: number): void {
    project.lastModifiedMs = Math.max(floorToSecond(now), project.lastModifiedMs + secondMs);
}
