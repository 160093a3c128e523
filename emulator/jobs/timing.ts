import { z } from "zod";

/** The long-running operations (authoring and runtime); also the `operation` scope of timing rules and the job kind of a fault. */
export const jobKindSchema = z.enum([
    "export",
    "import",
    "train",
    "deploy",
    "deleteDeployment",
    "swap",
    "deleteProject",
    "loadSnapshot",
    // Runtime: a text analysis job (custom classification or entity recognition).
    "analyzeText",
]);
export type JobKind = z.infer<typeof jobKindSchema>;

/**
 * When a job reaches its terminal state: at once, on its N-th status poll (no time needed at all),
 * or T ms of clock time after it started.
 */
export const jobTimingSchema = z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("instant") }),
    z.strictObject({ mode: z.literal("afterPolls"), polls: z.number().int().min(1) }),
    z.strictObject({ mode: z.literal("afterMs"), ms: z.number().int().min(0) }),
]);
export type JobTiming = z.infer<typeof jobTimingSchema>;

/** Three polls show every state a client must handle: notStarted, running, then the terminal one. */
export const defaultJobTiming: JobTiming = { mode: "afterPolls", polls: 3 };

/** Narrows a timing rule to one resource, one operation, or both. */
export const timingScopeSchema = z.strictObject({
    resource: z.string().optional(),
    operation: jobKindSchema.optional(),
});
export type TimingScope = z.infer<typeof timingScopeSchema>;

export interface TimingRule {
    readonly scope: TimingScope;
    readonly timing: JobTiming;
}

/** The timing each new job gets; a job keeps the timing it started with. */
export class JobTimingRules {
    private rules: TimingRule[] = [];

    constructor(private readonly fallback: JobTiming) {}

    /** Replaces the rule of exactly this scope (an empty scope sets the global timing). */
    set(scope: TimingScope, timing: JobTiming): void {
        this.rules = this.rules.filter((rule) => !sameScope(rule.scope, scope));
        this.rules.push({ scope, timing });
    }

    /** Back to the timing the emulator was started with. */
    reset(): void {
        this.rules = [];
    }

    list(): readonly TimingRule[] {
        return [{ scope: {}, timing: this.global() }, ...this.rules.filter((rule) => !isGlobal(rule.scope))];
    }

    /** The most specific rule wins: resource and operation, then operation, then resource, then global. */
    resolve(resource: string, operation: JobKind): JobTiming {
        const candidates: TimingScope[] = [{ resource, operation }, { operation }, { resource }];
        for (const scope of candidates) {
            const rule = this.rules.find((candidate) => sameScope(candidate.scope, scope));
            if (rule !== undefined) {
                return rule.timing;
            }
        }
        return this.global();
    }

    private global(): JobTiming {
        return this.rules.find((rule) => isGlobal(rule.scope))?.timing ?? this.fallback;
    }
}

function isGlobal(scope: TimingScope): boolean {
    return scope.resource === undefined && scope.operation === undefined;
}

function sameScope(a: TimingScope, b: TimingScope): boolean {
    return a.resource === b.resource && a.operation === b.operation;
}
