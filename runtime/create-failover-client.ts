import type { AnalyzeConversationResponse } from "@azure/ai-language-conversations";
import type { TextDocumentInput } from "@azure/ai-language-text";
import type { HttpClient } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import type { EventEmitter } from "node:events";
import { analyzeConversationIn, type ConversationOptions, type DeployedProject } from "./analyze-conversation";
import {
    analyzeCustomTextIn,
    type CustomTextKind,
    type CustomTextOptions,
    type CustomTextResults,
} from "./analyze-custom-text";
import type { FailoverCounters, RegionName } from "./failover-counters";
import { type FailoverClientInput, parseFailoverOptions } from "./failover-options";
import { type Answer, type FailoverEventMap, FailoverRouter } from "./failover-router";
import { regionClients } from "./region-clients";

/** Predictions of one replicated project, from the primary while it answers, else from its replica. */
export interface FailoverClient {
    /** A CLU or orchestration prediction for one utterance (`analyze-conversations`). */
    analyzeConversation(text: string, options?: ConversationOptions): Promise<Answer<AnalyzeConversationResponse>>;
    /** One custom text task (`analyze-text` job) over up to 25 documents. */
    analyzeText<Kind extends CustomTextKind>(
        kind: Kind,
        documents: readonly string[] | readonly TextDocumentInput[],
        options?: CustomTextOptions,
    ): Promise<Answer<CustomTextResults[Kind]>>;
    /** `failover` when the breaker opens, `failback` when a probe of the primary is answered. */
    readonly events: EventEmitter<FailoverEventMap>;
    counters(): FailoverCounters;
}

/** Options besides the validated configuration, which cannot be plain data. */
export interface FailoverClientExtras {
    /**
     * The HttpClient (`@azure/core-rest-pipeline`) both SDK clients send with, e.g. through a
     * proxy; the SDKs' own by default.
     */
    httpClient?: HttpClient;
    /**
     * A Microsoft Entra ID credential for the resources configured with `entraId`, used instead of
     * the one built from it (`ClientSecretCredential`, or `DefaultAzureCredential` for `{}`): e.g.
     * the credential the application already holds.
     */
    credential?: TokenCredential;
}

/**
 * A client of a project replicated by `ReplicatedLanguageProject`: the official runtime SDKs
 * (`@azure/ai-language-conversations`, `@azure/ai-language-text`) for each resource, behind a
 * circuit breaker that sends requests to the secondary after consecutive failures of the
 * primary and back when a probe of the primary is answered. A failed request to the primary is
 * retried on the secondary at once, so a caller sees an error only when both regions fail or
 * the request itself is refused (4xx). Keys never appear in its errors or events.
 */
export function createFailoverClient(options: FailoverClientInput, extras: FailoverClientExtras = {}): FailoverClient {
    const settings = parseFailoverOptions(options);
    const regions = {
        primary: regionClients(settings.primary, settings, extras),
        secondary: regionClients(settings.secondary, settings, extras),
    };
    const projects: Record<RegionName, DeployedProject> = {
        primary: { projectName: settings.projectName, deploymentName: settings.deploymentName },
        secondary: {
            projectName: settings.secondaryProjectName ?? settings.projectName,
            deploymentName: settings.deploymentName,
        },
    };
    const router = new FailoverRouter(settings.breaker, {
        primary: regions.primary.label,
        secondary: regions.secondary.label,
    });
    return {
        analyzeConversation: (text, callOptions = {}) =>
            router.route(
                `analyzing a conversation with "${settings.projectName}"`,
                (region, signal) => analyzeConversationIn(regions[region], projects[region], text, callOptions, signal),
                settings.requestTimeoutMs,
                callOptions.abortSignal,
            ),
        analyzeText: (kind, documents, callOptions = {}) =>
            router.route(
                `running ${kind} with "${settings.projectName}"`,
                (region, signal) =>
                    analyzeCustomTextIn(
                        regions[region],
                        projects[region],
                        kind,
                        documents,
                        { ...callOptions, pollIntervalMs: settings.textPollIntervalMs },
                        signal,
                    ),
                settings.textJobTimeoutMs,
                callOptions.abortSignal,
            ),
        events: router.events,
        counters: () => router.counterSnapshot(),
    };
}
