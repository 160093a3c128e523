import type { ExportedProject } from "../../../provider/contract";

/** A project of the local stack: the file imported into the primary, and its documents if it has any. */
export interface SampleProject {
    file: ExportedProject;
    /** Blob name -> text, uploaded to the storage container before the import (text projects only). */
    documents?: Record<string, string>;
    /** Sample projects this one routes to; they are replicated first. */
    dependsOn?: string[];
}

/** The deployment every sample is served from on the primary, and so on the secondary. */
export const sampleDeploymentName = "production";

/** The container the text projects' documents live in, in the primary's storage (and, copied, in the secondary's). */
export const sampleContainerName = "documents";

/** Labels `part` inside `text` with UTF-16 offsets, as the project file counts them. */
export function span(
    text: string,
    part: string,
    category: string,
): { category: string; offset: number; length: number } {
    const offset = text.indexOf(part);
    if (offset < 0) throw new Error(`"${part}" does not occur in "${text}"`);
    return { category, offset, length: part.length };
}
