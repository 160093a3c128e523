import { z } from "zod";

/**
 * `code` is a free string on purpose: the enums in the specs are incomplete and the gateway
 * in front of the service answers a wrong key with `{"error":{"code":"401",...}}`.
 * `message` is optional because the Azure.Core inner error of the newer CLU specs has none.
 */
export const innerErrorSchema = z.looseObject({
    code: z.string(),
    message: z.string().optional(),
    details: z.record(z.string(), z.string()).optional(),
    target: z.string().optional(),
    get innererror(): z.ZodOptional<typeof innerErrorSchema> {
        return innerErrorSchema.optional();
    },
});
export type InnerError = z.infer<typeof innerErrorSchema>;

/** One shape for HTTP error bodies, failed-job `errors` and job `warnings`. */
export const errorDetailSchema = z.looseObject({
    code: z.string(),
    message: z.string(),
    target: z.string().optional(),
    get details(): z.ZodOptional<z.ZodArray<typeof errorDetailSchema>> {
        return z.array(errorDetailSchema).optional();
    },
    innererror: innerErrorSchema.optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The envelope of every non-2xx answer; the client turns it into its own error class. */
export const errorResponseSchema = z.looseObject({ error: errorDetailSchema });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
