import type { Stack } from "@pulumi/pulumi/automation";
import type { RequestLogEntry } from "../../emulator";

/** How many replicas of a stack completed a replication: their state records a synced revision. */
export async function syncedReplicas(stack: Stack): Promise<number> {
    const resources = (await stack.exportStack()).deployment.resources as { type: string; outputs?: object }[];
    return resources.filter(
        (resource) =>
            resource.type.endsWith(":ReplicatedLanguageProject") &&
            resource.outputs &&
            "syncedRevision" in resource.outputs,
    ).length;
}

/** How long `run` takes, in milliseconds of wall time, and what it returned. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
    const started = performance.now();
    const result = await run();
    return { ms: performance.now() - started, result };
}

/** The logged requests that match: method, a path pattern, a status. */
export function count(
    entries: readonly RequestLogEntry[],
    match: { method?: string; path?: RegExp; status?: number; resource?: string },
): number {
    return entries.filter(
        (entry) =>
            (match.method === undefined || entry.method === match.method) &&
            (match.path === undefined || match.path.test(entry.path)) &&
            (match.status === undefined || entry.status === match.status) &&
            (match.resource === undefined || entry.resource === match.resource),
    ).length;
}

/** Authoring routes that start a job, by kind. */
export const jobTriggers = {
    export: /\/:export$/,
    import: /\/:import$/,
    train: /\/:train$/,
    deploy: /\/deployments\/[^/:]+$/,
} as const;
