import { z } from "zod";
import { projectKindSchema, trainingConfigVersionSchema } from "../../provider/contract";
import { adminErrors } from "../errors";
import { ok } from "../http/messages";
import { type AdminRoute, noContent, readAdminBody } from "./admin-route";
import { modelQualityRuleSchema } from "./model-quality";
import { defaultApiVersion } from "../../provider/contract";

/** A kind's offered versions, oldest first (the last is what `"latest"` means). */
export const trainingConfigListSchema = z.strictObject({ value: z.array(trainingConfigVersionSchema).min(1) });

/**
 * Admin operations on what training does: which configuration versions the service offers (and
 * when they expire), and how the next models of a project turn out. Lists are shown and replaced
 * as the default api-version sees them; a replaced list holds at every api-version.
 */
export const trainingRoutes: readonly AdminRoute[] = [
    {
        method: "GET",
        pattern: /^\/training-configs\/([^/]+)$/,
        handle: ({ service }, _request, match) =>
            ok({ value: service.training.configs.list(projectKindIn(match[1]!), defaultApiVersion) }),
    },
    {
        method: "PUT",
        pattern: /^\/training-configs\/([^/]+)$/,
        handle: ({ service }, request, match) => {
            const kind = projectKindIn(match[1]!);
            service.training.configs.set(
                kind,
                readAdminBody(request, trainingConfigListSchema).value,
                defaultApiVersion,
            );
            return ok({ value: service.training.configs.list(kind, defaultApiVersion) });
        },
    },
    {
        method: "DELETE",
        pattern: /^\/training-configs$/,
        handle: ({ service }) => {
            service.training.configs.reset();
            return noContent;
        },
    },
    {
        method: "GET",
        pattern: /^\/model-quality$/,
        handle: ({ service }) => ok({ value: service.training.quality.list() }),
    },
    {
        method: "POST",
        pattern: /^\/model-quality$/,
        handle: ({ service }, request) => ({
            status: 201,
            body: service.training.quality.add(readAdminBody(request, modelQualityRuleSchema)),
        }),
    },
    {
        method: "DELETE",
        pattern: /^\/model-quality$/,
        handle: ({ service }) => {
            service.training.quality.clear();
            return noContent;
        },
    },
];

function projectKindIn(segment: string) {
    const kind = projectKindSchema.safeParse(decodeURIComponent(segment));
    if (!kind.success) {
        throw adminErrors.notFound(`No project kind "${segment}"; kinds are ${projectKindSchema.options.join(", ")}.`);
    }
    return kind.data;
}
