import { readFile } from "node:fs/promises";
import { z } from "zod";
import { parseContract } from "../../provider/contract";

// A Language resource's custom subdomain: letters, digits and hyphens. Here it is the first path
// segment of the endpoint, so it must not collide with the admin prefix.
const resourceNamePattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/** One Language resource the emulator hosts, as written in a resources file. */
export const resourceDefinitionSchema = z.strictObject({
    name: z.string().regex(resourceNamePattern, { message: "must be letters, digits and hyphens (1-63 characters)" }),
    region: z.string().min(1),
    /** The two subscription keys every Language resource has (key1, key2). */
    keys: z.tuple([z.string().min(1), z.string().min(1)]),
    /** The storage account linked to the resource (custom text documents live there). */
    storage: z.strictObject({ connectionString: z.string().min(1) }).optional(),
    /** Bearer tokens accepted as Microsoft Entra ID tokens for this resource. */
    entraTokens: z.array(z.string().min(1)).optional(),
});
export type ResourceDefinition = z.infer<typeof resourceDefinitionSchema>;

export const resourceDefinitionsSchema = z.array(resourceDefinitionSchema).superRefine((resources, ctx) => {
    const seen = new Set<string>();
    resources.forEach((resource, index) => {
        if (seen.has(resource.name)) {
            ctx.addIssue({
                code: "custom",
                path: [index, "name"],
                message: `duplicate resource name "${resource.name}"`,
            });
        }
        seen.add(resource.name);
    });
});

export const resourcesFileSchema = z.strictObject({ resources: resourceDefinitionsSchema.min(1) });

/** Reads and validates a resources file; errors name the file and the offending field. */
export async function loadResourcesFile(file: string): Promise<ResourceDefinition[]> {
    let text: string;
    try {
        text = await readFile(file, "utf8");
    } catch (error) {
        throw new Error(`reading resources file ${file}: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new Error(`parsing resources file ${file}: ${(error as Error).message}`);
    }
    return parseContract(resourcesFileSchema, json, `resources file ${file}`).resources;
}
