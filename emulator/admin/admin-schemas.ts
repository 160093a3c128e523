import { z } from "zod";
import { jobTimingSchema, timingScopeSchema } from "../jobs/timing";

// Bodies of the admin API (`/_emulator/...`). admin-client.ts takes the same types.

const times = z.number().int().min(1).default(1);

/** What a matching request suffers, `times` times. */
export const faultSchema = z.discriminatedUnion("kind", [
    /** Answer with this 5xx instead of serving the request. */
    z.strictObject({ kind: z.literal("status"), status: z.number().int().min(500).max(599), times }),
    /** Answer 429 TooManyRequests with this Retry-After. */
    z.strictObject({ kind: z.literal("throttle"), retryAfterSeconds: z.number().int().min(0), times }),
    /** Destroy the socket without answering. */
    z.strictObject({ kind: z.literal("dropConnection"), times }),
    /**
     * Answer with this status and an error that repeats the request, headers and body, as some
     * gateways and proxies do: the test that a client never lets a key or token through.
     */
    z.strictObject({ kind: z.literal("echoRequest"), status: z.number().int().min(400).max(599), times }),
    /** Serve the trigger normally, but its job ends failed with this error. */
    z.strictObject({ kind: z.literal("failJob"), code: z.string().min(1), message: z.string().min(1), times }),
    /** Serve the trigger normally, but its job never finishes (it can still be cancelled). */
    z.strictObject({ kind: z.literal("hangJob"), times }),
]);
export type Fault = z.output<typeof faultSchema>;

/** Which requests a fault hits: method (any when absent), path regex, resource (any when absent). */
export const faultRuleSchema = z.strictObject({
    method: z.string().min(1).optional(),
    /** Tested against the path below the resource endpoint, e.g. `/language/authoring/.../:train`. */
    path: z.string().refine(isRegex, { message: "must be a valid regular expression" }),
    resource: z.string().optional(),
    fault: faultSchema,
});
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

/**
 * "The region is down" for one resource: every request to it (authoring and runtime) gets this,
 * until the outage is ended. `hang` holds requests unanswered; ending the outage (or stopping the
 * emulator) closes them without an answer.
 */
export const outageSchema = z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("status"), status: z.number().int().min(500).max(599).default(503) }),
    z.strictObject({ mode: z.literal("dropConnection") }),
    z.strictObject({ mode: z.literal("hang") }),
]);
export type OutageInput = z.input<typeof outageSchema>;
export type Outage = z.output<typeof outageSchema>;

/** Rate limits as the admin API sets them: per resource and minute, or `false` for none. */
export const rateLimitsRequestSchema = z.strictObject({
    limits: z.union([
        z.strictObject({
            writesPerMinute: z.number().int().min(1),
            readsPerMinute: z.number().int().min(1),
            predictionsPerMinute: z.number().int().min(1).optional(),
        }),
        z.literal(false),
    ]),
});
export type RateLimitsRequest = z.infer<typeof rateLimitsRequestSchema>;

export const jobTimingRequestSchema = z.strictObject({ ...timingScopeSchema.shape, timing: jobTimingSchema });
export type JobTimingRequest = z.infer<typeof jobTimingRequestSchema>;

const labelled = z.looseObject({ category: z.string().min(1) });

/** What a user does in Language Studio; every edit (even `touch`) saves and moves lastModifiedDateTime. */
export const projectEditSchema = z.discriminatedUnion("op", [
    /** Saves without changing anything. */
    z.strictObject({ op: z.literal("touch") }),
    /** CLU or orchestration intent (with its orchestration target). */
    z.strictObject({ op: z.literal("addIntent"), intent: labelled }),
    /** Also deletes the utterances labelled with it. */
    z.strictObject({ op: z.literal("removeIntent"), category: z.string() }),
    /** CLU entity (with list/prebuilts/regex components) or custom NER entity type. */
    z.strictObject({ op: z.literal("addEntity"), entity: labelled }),
    /** Also removes the labels of it. */
    z.strictObject({ op: z.literal("removeEntity"), category: z.string() }),
    z.strictObject({
        op: z.literal("addUtterance"),
        utterance: z.looseObject({ text: z.string(), intent: z.string() }),
    }),
    z.strictObject({ op: z.literal("removeUtterance"), text: z.string() }),
    /** Custom text classification class. */
    z.strictObject({ op: z.literal("addClass"), category: z.string().min(1) }),
    /** Also removes the document labels of it. */
    z.strictObject({ op: z.literal("removeClass"), category: z.string() }),
    z.strictObject({
        op: z.literal("addDocument"),
        document: z.looseObject({ location: z.string().min(1), language: z.string().min(1) }),
    }),
    z.strictObject({ op: z.literal("removeDocument"), location: z.string() }),
    /** Gives an utterance another intent. */
    z.strictObject({ op: z.literal("relabelUtterance"), text: z.string(), intent: z.string() }),
    /** Moves the label of an entity in an utterance (CLU) or a document (custom NER, `item` its location) to another span. */
    z.strictObject({
        op: z.literal("moveEntityLabel"),
        item: z.string(),
        category: z.string(),
        offset: z.number().int().min(0),
        length: z.number().int().min(1),
    }),
    /** Gives a document other classes (exactly one in a single-label project). */
    z.strictObject({ op: z.literal("relabelDocument"), location: z.string(), classes: z.array(z.string()).min(1) }),
    /** Changes project settings (e.g. `confidenceThreshold`), merged into the current ones. */
    z.strictObject({ op: z.literal("changeSettings"), settings: z.looseObject({}) }),
]);
export type ProjectEdit = z.infer<typeof projectEditSchema>;

function isRegex(source: string): boolean {
    try {
        new RegExp(source);
        return true;
    } catch {
        return false;
    }
}
