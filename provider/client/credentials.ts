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

/** Microsoft Entra ID as the inputs give it: a service principal (all three), or DefaultAzureCredential hints. */
export interface EntraIdSettings {
    tenantId?: string | undefined;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
}

/**
 * The token credential of Entra ID settings, for any Azure data plane (Language, storage): a
 * service principal's secret, or DefaultAzureCredential (environment, workload or managed
 * identity, Azure CLI). @azure/identity is loaded only here, when Entra ID is used.
 */
export function entraCredentialOf({ tenantId, clientId, clientSecret }: EntraIdSettings): TokenCredential {
    const identity: typeof import("@azure/identity") = require("@azure/identity");
    return tenantId && clientId && clientSecret
        ? new identity.ClientSecretCredential(tenantId, clientId, clientSecret)
        : new identity.DefaultAzureCredential({ tenantId, managedIdentityClientId: clientId });
}
