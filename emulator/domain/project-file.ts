import type { ApiVersion, ExportedProject, ProjectAssets } from "../../provider/contract";
import type { ProjectContent } from "../state/state-schema";

/**
 * The project file an export writes: `projectFileVersion` is the api-version used, and the fields
 * that version does not know are left out.
 */
export function buildProjectFile(
    content: ProjectContent,
    apiVersion: ApiVersion,
    unknownEntityFields: readonly string[],
): ExportedProject {
    const {
        projectKind,
        storageInputContainerName,
        settings,
        projectName,
        multilingual,
        description,
        language,
        ...extra
    } = content.metadata;
    // Key order as in the service's export examples; fields the emulator does not know stay at the end.
    const metadata = structuredClone({
        projectKind,
        ...(storageInputContainerName === undefined ? {} : { storageInputContainerName }),
        ...(settings === undefined ? {} : { settings }),
        projectName,
        multilingual: multilingual ?? false,
        ...(description === undefined ? {} : { description }),
        language,
        ...extra,
    });
    return {
        projectFileVersion: apiVersion,
        stringIndexType: "Utf16CodeUnit",
        metadata,
        assets: withoutUnknownEntityFields(structuredClone(content.assets), unknownEntityFields),
    };
}

/** Drops CLU entity fields an api-version's file format lacks (see api-version-features.ts). */
export function withoutUnknownEntityFields(assets: ProjectAssets, fields: readonly string[]): ProjectAssets {
    if (assets.projectKind !== "Conversation" || assets.entities === undefined || fields.length === 0) {
        return assets;
    }
    const entities = assets.entities.map((entity) =>
        Object.fromEntries(Object.entries(entity).filter(([key]) => !fields.includes(key))),
    );
    return { ...assets, entities: entities as typeof assets.entities };
}
