import { z } from "zod";
import { projectAssetsSchema } from "./assets/project-assets";
import { exportedProjectMetadataSchema } from "./project-metadata";

/**
 * Offsets in the file count UTF-16 code units. The CLU TypeSpec also lists Utf8CodeUnit and
 * Utf32CodeUnit, but neither family accepts them, so only this value is valid.
 */
export const stringIndexTypeSchema = z.literal("Utf16CodeUnit");
export type StringIndexType = z.infer<typeof stringIndexTypeSchema>;

/**
 * The export result of the primary and, unchanged, the import body of the secondary. Loose at
 * every level so nothing the primary wrote is lost (newer files carry e.g. `description` on
 * intents). `projectFileVersion` is whatever the exporting api-version wrote; older file
 * versions are accepted on import, so it is not checked against the api-version.
 */
export const exportedProjectSchema = z
    .looseObject({
        projectFileVersion: z.string(),
        stringIndexType: stringIndexTypeSchema,
        metadata: exportedProjectMetadataSchema,
        assets: projectAssetsSchema.optional(),
    })
    .superRefine((file, ctx) => {
        if (file.assets !== undefined && file.assets.projectKind !== file.metadata.projectKind) {
            ctx.addIssue({
                code: "custom",
                path: ["assets", "projectKind"],
                message: `must equal metadata.projectKind ("${file.metadata.projectKind}"), got "${file.assets.projectKind}"`,
            });
        }
    });
export type ExportedProject = z.infer<typeof exportedProjectSchema>;
