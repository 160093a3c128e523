import { z } from "zod";
import { containerNamePattern, containerNameRule } from "../storage/container-name";
import { storageAccessSchema } from "./storage-access-input";

/**
 * The documents of a custom text project (its labels name blobs of the primary's linked
 * container). With `copy` (the default), every document the labels reference is copied into
 * `target`, the storage account linked to the secondary resource, before the replica is imported,
 * so the secondary can import and train while the primary's region, storage included, is down.
 * With `copy: false`, both resources read `source` (one shared account): the documents are only
 * watched, so that a changed text retrains. `source` is only ever read.
 */
export const documentsSchema = z
    .strictObject({
        copy: z.boolean().default(true),
        /** The container of `target` the documents go to and the replica reads; the primary's container name by default. */
        container: z.string().regex(containerNamePattern, containerNameRule).optional(),
        source: storageAccessSchema,
        target: storageAccessSchema.optional(),
    })
    .superRefine((documents, ctx) => {
        const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
        if (documents.copy && documents.target === undefined) {
            issue(
                "target",
                "is required with copy: the storage account linked to the secondary resource, which the documents are copied into",
            );
        }
        if (!documents.copy) {
            const unused =
                "is not used with copy: false (the secondary reads the documents from source); remove it, or set copy: true";
            if (documents.target !== undefined) issue("target", unused);
            if (documents.container !== undefined) issue("container", unused);
        }
    });
export type Documents = z.infer<typeof documentsSchema>;
