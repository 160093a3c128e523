import { LanguageApiError } from "../client/language-api-error";
import { entraTokenFailure, resourceLabelOf } from "../client/transport";
import type { CheckFailure } from "./check-failures";
import { normalizedEndpoint } from "./connections";
import type { Connection } from "./inputs";

type Side = "primary" | "secondary";

/**
 * A resource's answer that only the inputs can fix, as a failure against the field to fix: a
 * refused key or token names the credential, a TLS handshake with a plain-HTTP server names the
 * endpoint. Undefined for anything else (an outage, a missing project), which callers handle.
 */
export function refusalOf(error: unknown, connections: Record<Side, Connection>): CheckFailure | undefined {
    if (!(error instanceof LanguageApiError)) return undefined;
    const side = (["primary", "secondary"] as const).find(
        (candidate) => resourceLabelOf(normalizedEndpoint(connections[candidate])) === error.resource,
    );
    if (!side) return undefined;
    const usesKey = connections[side].key !== undefined;
    const credential = usesKey ? `${side}.key` : `${side}.entraId`;
    if (error.code === entraTokenFailure) {
        return { property: `${side}.entraId`, reason: `Microsoft Entra ID gave no token: ${error.serviceMessage}` };
    }
    if (error.status === 401) {
        const reason = usesKey
            ? `${error.resource} refused the key (401): it is wrong, regenerated or of another resource; copy Key 1 or Key 2 from the resource's "Keys and Endpoint" page`
            : `${error.resource} refused the Microsoft Entra ID token (401): use the resource's custom-subdomain endpoint and the tenant the resource belongs to`;
        return { property: credential, reason };
    }
    if (error.status === 403) {
        const cause = usesKey
            ? "key authentication may be disabled on the resource, or a network rule blocks this machine"
            : "the identity needs a Cognitive Services Language role on the resource, or a network rule blocks this machine";
        return { property: credential, reason: `${error.resource} denied access (403): ${cause}` };
    }
    if (error.status === undefined && (error.code === "EPROTO" || error.code.startsWith("ERR_SSL_"))) {
        return {
            property: `${side}.endpoint`,
            reason: `${error.resource} does not answer TLS (${error.code}); a local emulator is reached with http:// on loopback`,
        };
    }
    return undefined;
}
