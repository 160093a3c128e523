import { z } from "zod";
import { checkEndpoint } from "../client/endpoint";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domainName = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * A key or client secret as it is sent: in an HTTP header or a token request. Blanks at the ends
 * (a copied line break) or characters a header cannot carry would only fail later, in the
 * middle of a run, with an error that does not name the field. The value is never repeated.
 */
export const secretSchema = (what: string, whereFrom: string) =>
    z.string().superRefine((value, ctx) => {
        const problem =
            value.length === 0
                ? `the ${what} must not be empty`
                : value !== value.trim()
                  ? `the ${what} starts or ends with blanks or a line break (often copied along); remove them`
                  : /^[\x21-\x7e]+$/.test(value)
                    ? undefined
                    : `the ${what} holds blanks, control or non-ASCII characters, which no ${what} has; copy it again from ${whereFrom}`;
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/** A service principal (all three fields), or DefaultAzureCredential (none, or tenantId / clientId as hints). */
export const entraIdSchema = z
    .strictObject({
        tenantId: z
            .string()
            .refine(
                (tenant) => guid.test(tenant) || domainName.test(tenant),
                "must be the directory (tenant) ID: a GUID, or a domain such as contoso.onmicrosoft.com",
            )
            .optional(),
        clientId: z.string().regex(guid, "must be the application (client) ID, a GUID").optional(),
        clientSecret: secretSchema("client secret", "the app registration").optional(),
    })
    .superRefine((entra, ctx) => {
        if (entra.clientSecret === undefined) return;
        const needed = { clientId: "the application (client) ID", tenantId: "the directory (tenant) ID" } as const;
        for (const [field, meaning] of Object.entries(needed)) {
            if (entra[field as keyof typeof needed] === undefined) {
                ctx.addIssue({
                    code: "custom",
                    path: [field],
                    message: `is required with clientSecret: ${meaning} of the service principal`,
                });
            }
        }
    });

/**
 * One Language resource: its endpoint and how to authenticate, either a resource key (give it
 * as a secret) or Microsoft Entra ID (a service principal secret, or DefaultAzureCredential).
 */
export const connectionSchema = z
    .strictObject({
        endpoint: z.string().superRefine((endpoint, ctx) => {
            const checked = checkEndpoint(endpoint);
            if ("problem" in checked) ctx.addIssue({ code: "custom", message: checked.problem });
        }),
        key: secretSchema("key", `the resource's "Keys and Endpoint" page`).optional(),
        entraId: entraIdSchema.optional(),
    })
    .superRefine((connection, ctx) => {
        if ((connection.key === undefined) === (connection.entraId === undefined)) {
            ctx.addIssue({ code: "custom", path: ["key"], message: 'give exactly one of "key" or "entraId"' });
        }
    });
export type Connection = z.infer<typeof connectionSchema>;
export type EntraId = z.infer<typeof entraIdSchema>;
