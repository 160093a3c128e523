import { ConversationAnalysisClient } from "@azure/ai-language-conversations";
import { AzureKeyCredential, TextAnalysisClient } from "@azure/ai-language-text";
import type { HttpClient } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import { type Credentials, secretsOf } from "../provider/client/credentials";
import { resourceLabelOf } from "../provider/client/transport";
import type { Connection } from "../provider/lifecycle/connection-input";
import { credentialsOf, normalizedEndpoint } from "../provider/lifecycle/connections";
import type { FailoverClientSettings } from "./failover-options";
import type { RegionLabel } from "./region-failure";

/** The official runtime SDK clients of one Language resource, and how errors name it. */
export interface RegionClients {
    readonly conversations: ConversationAnalysisClient;
    readonly text: TextAnalysisClient;
    readonly label: RegionLabel;
}

type SdkOptions = ConstructorParameters<typeof TextAnalysisClient>[2] & { apiVersion?: string };

/** What the SDK clients are built with besides the validated settings. */
export interface SdkSetup {
    httpClient?: HttpClient;
    /** Used for a resource configured with `entraId` instead of the credential built from it. */
    credential?: TokenCredential;
}

/**
 * Builds the SDK clients of one resource. Their own retries are off: a failure goes to the
 * other region at once, and the breaker, not a retry loop, decides when the primary is down.
 * Plain http is allowed only where `checkEndpoint` allows it (loopback, i.e. the emulator).
 */
export function regionClients(
    connection: Connection,
    settings: Pick<FailoverClientSettings, "conversationsApiVersion" | "textApiVersion">,
    { httpClient, credential }: SdkSetup,
): RegionClients {
    const endpoint = normalizedEndpoint(connection);
    const credentials: Credentials =
        connection.entraId !== undefined && credential !== undefined
            ? { kind: "entra", credential }
            : credentialsOf(connection);
    const insecure = endpoint.startsWith("http:");
    if (credentials.kind === "entra" && insecure) {
        // core-rest-pipeline's bearerTokenAuthenticationPolicy, which both SDKs use, refuses to send a
        // token to a non-https URL; every real Language endpoint with Entra ID is an https custom subdomain.
        throw new Error(
            `${resourceLabelOf(endpoint)}: Microsoft Entra ID needs an https endpoint (the Azure SDKs never send a token over plain http); use a key for the local emulator`,
        );
    }
    const common: SdkOptions = {
        retryOptions: { maxRetries: 0 },
        allowInsecureConnection: insecure,
        ...(httpClient && { httpClient }),
    };
    const clientSecret = connection.entraId?.clientSecret;
    return {
        ...sdkClients(endpoint, credentials, {
            conversations: { ...common, apiVersion: settings.conversationsApiVersion },
            text: { ...common, serviceVersion: settings.textApiVersion },
        }),
        label: {
            resource: resourceLabelOf(endpoint),
            secrets: [...secretsOf(credentials), ...(clientSecret ? [clientSecret] : [])],
        },
    };
}

/** Both SDKs take a key or a token credential; the text client's constructor is overloaded by kind. */
function sdkClients(
    endpoint: string,
    credentials: Credentials,
    options: { conversations: SdkOptions; text: SdkOptions },
): Pick<RegionClients, "conversations" | "text"> {
    if (credentials.kind === "key") {
        const key = new AzureKeyCredential(credentials.key);
        return {
            conversations: new ConversationAnalysisClient(endpoint, key, options.conversations),
            text: new TextAnalysisClient(endpoint, key, options.text),
        };
    }
    return {
        conversations: new ConversationAnalysisClient(endpoint, credentials.credential, options.conversations),
        text: new TextAnalysisClient(endpoint, credentials.credential, options.text),
    };
}
