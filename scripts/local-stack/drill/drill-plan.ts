import type { OutageInput } from "../../../emulator";

/** The drill's fixed course: bounded, paced, the outage at fixed requests, so runs compare. */
export const drillPlan = {
    requests: 60,
    /** From the start of one request to the start of the next (longer when a request takes longer). */
    paceMs: 250,
    /** The primary's region goes down before this request... */
    outageFrom: 16,
    /** ...and comes back after this one. */
    outageThrough: 40,
    breaker: { failureThreshold: 3, halfOpenAfterMs: 2_000 },
    requestTimeoutMs: 1_000,
    textJobTimeoutMs: 3_000,
    textPollIntervalMs: 100,
};

export const outageModes = ["hang", "status", "dropConnection"] as const satisfies readonly OutageInput["mode"][];
export type OutageMode = (typeof outageModes)[number];

export interface DrillFlags {
    /** A project of the local stack; the orchestration (which routes to CLU) by default. */
    project: string;
    outage: OutageMode;
}

/** `[--project <name>] [--outage hang|status|dropConnection]`. */
export function parseDrillFlags(flags: readonly string[], projects: readonly string[]): DrillFlags {
    const parsed: DrillFlags = { project: "travel-orchestrator", outage: "hang" };
    for (let index = 0; index < flags.length; index += 2) {
        const [flag, value] = [flags[index], flags[index + 1]];
        if (flag === "--project" && value !== undefined && projects.includes(value)) {
            parsed.project = value;
        } else if (flag === "--outage" && (outageModes as readonly string[]).includes(value ?? "")) {
            parsed.outage = value as OutageMode;
        } else {
            throw new Error(
                `drill takes --project <${projects.join("|")}> and --outage <${outageModes.join("|")}>; got ${flags.join(" ")}`,
            );
        }
    }
    return parsed;
}
