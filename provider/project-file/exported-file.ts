import * as fs from "node:fs";
import { type OrchestrationIntent, orchestrationIntentSchema, parseContract } from "../contract";
import { type Fingerprint, FingerprintBuilder } from "../plan/content-fingerprint";
import { type ProjectFileOutline, scanProjectFile } from "./scan-project-file";

/** An export file on disk and what one reading of it found. */
export interface ExportedFile {
    path: string;
    size: number;
    outline: ProjectFileOutline;
    fingerprint: Fingerprint;
    /** An orchestration project's intents, which route to other projects; empty for other kinds. */
    orchestrationIntents: OrchestrationIntent[];
    /** Where a custom text project's labelled documents are, sorted, each once; empty for other kinds. */
    documentLocations: string[];
}

/**
 * Reads an export file once, piece by piece, for everything a replication needs of it: its
 * outline (for the import), its fingerprint (to compare revisions and tell what changed) and
 * the routes of an orchestration project (to check before importing).
 */
export async function readExportedFile(
    path: string,
    /** The metadata as it is fingerprinted, e.g. a replica's as the primary would have written it. */
    fingerprintedAs: (metadata: Record<string, unknown>) => Record<string, unknown> = (metadata) => metadata,
): Promise<ExportedFile> {
    const fingerprint = new FingerprintBuilder();
    const intents: Record<string, unknown>[] = [];
    const locations = new Set<string>();
    const outline = await scanProjectFile(path, {
        metadata: (metadata) => fingerprint.setMetadata(fingerprintedAs(metadata)),
        assetField: (name, value) => fingerprint.addAssetField(name, value),
        list: (name) => fingerprint.startList(name),
        item: (list, item, span) => {
            fingerprint.addItem(list, item, span);
            if (list === "intents") intents.push(item);
            if (list === "documents" && typeof item.location === "string") locations.add(item.location);
        },
    });
    const orchestration = outline.projectKind === "Orchestration";
    return {
        path,
        size: (await fs.promises.stat(path)).size,
        outline,
        fingerprint: fingerprint.finish(),
        orchestrationIntents: orchestration
            ? intents.map((intent, at) => parseContract(orchestrationIntentSchema, intent, `assets.intents[${at}]`))
            : [],
        documentLocations: [...locations].sort(),
    };
}
