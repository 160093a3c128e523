import { z } from "zod";
import type { ProjectKind } from "../contract";
import { canonicalJson } from "../plan/canonical-json";
import { type ExpiryRecord, isQuiet } from "../plan/expiry-renewal";
import { checkedInputsSchema, type ReplicationArgs } from "./inputs";
import { expiryWatchKey, splitInternal } from "./internal-properties";

const expiryRecordSchema = z.strictObject({
    deploymentName: z.string(),
    expirationDate: z.string(),
    configExpiry: z.string(),
}) satisfies z.ZodType<ExpiryRecord>;

/** What the check in hand asks of the secondary's serving deployment. */
export interface ExpiryQuestion {
    args: ReplicationArgs;
    kind: ProjectKind;
    secondaryProjectName: string;
    /** Absent while the deployment to mirror is still to be read from the primary. */
    deploymentName: string | undefined;
    /** `YYYY-MM-DD`, in UTC. */
    today: string;
}

/**
 * The expiry record the last check kept, when it still answers this check: the same secondary
 * (and credentials), replica, kind, api-version, deployment and requested training
 * configuration, and by its dates nothing can be due today. Then `check` needs neither the
 * deployment's GET nor the probe of the secondary, which the record's check made: in a fleet's
 * daily preview, each replica costs the one GET of its primary.
 */
export function recordedExpiryOf(olds: Record<string, unknown>, question: ExpiryQuestion): ExpiryRecord | undefined {
    const { internal, rest } = splitInternal(olds);
    const record = expiryRecordSchema.safeParse(internal.__expiryWatch).data;
    const earlier = checkedInputsSchema.safeParse(rest).data;
    if (!record || !earlier) return undefined;
    const { args } = question;
    const asked =
        canonicalJson(earlier.secondary) === canonicalJson(args.secondary) &&
        earlier.secondaryProjectName === question.secondaryProjectName &&
        earlier.projectKind === question.kind &&
        earlier.apiVersion === args.apiVersion &&
        earlier.training.trainingConfigVersion === args.training.trainingConfigVersion &&
        record.deploymentName === question.deploymentName;
    return asked && isQuiet(record, question.today, args.expiryWarningDays) ? record : undefined;
}

/**
 * The inputs a check returns, with its record only when they are the inputs in the state: then
 * the last `up` applied them, and the `up` that may follow has nothing of theirs to change. When
 * they differ, that `up` may train and deploy, which moves the deployment's dates (even to an
 * earlier expiry, with an older configuration), so a reading taken before it would mislead every
 * later check: the check after that `up` reads again and keeps what it reads. (A reading of a model
 * of another version than the one pinned is never a record at all: see observeRenewal.)
 */
export function keepingRecordOnlyWhenSettled(
    inputs: Record<string, unknown>,
    olds: Record<string, unknown>,
): Record<string, unknown> {
    if (inputs[expiryWatchKey] === undefined) return inputs;
    if (canonicalJson(splitInternal(inputs).rest) === canonicalJson(splitInternal(olds).rest)) return inputs;
    const { [expiryWatchKey]: _readBeforeAChange, ...unrecorded } = inputs;
    return unrecorded;
}
