import type { TokenCredential } from "@azure/identity";

/** The OAuth scope of every Cognitive Services data-plane call made with Microsoft Entra ID. */
export const cognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

/**
 * How a resource is authenticated: a resource key (the `Ocp-Apim-Subscription-Key` header) or a
 * Microsoft Entra ID token credential (bearer token; needs a custom-subdomain endpoint and a
 * Cognitive Services Language role on the resource).
 */
export type Credentials = { kind: "key"; key: string } | { kind: "entra"; credential: TokenCredential };

/** The headers that authenticate one request. Token credentials cache and refresh on their own. */
export async function authenticationHeaders(
    credentials: Credentials,
    signal?: AbortSignal,
): Promise<Record<string, string>> {
    if (credentials.kind === "key") {
        return { "Ocp-Apim-Subscription-Key": credentials.key };
    }
    const token = await credentials.credential.getToken(cognitiveServicesScope, { abortSignal: signal });
    if (!token) {
        throw new Error(`Microsoft Entra ID returned no token for ${cognitiveServicesScope}`);
    }
    return { Authorization: `Bearer ${token.token}` };
}

/** The values that must never appear in a message, a log line or state. */
export function secretsOf(credentials: Credentials): string[] {
    return credentials.kind === "key" ? [credentials.key] : [];
}
