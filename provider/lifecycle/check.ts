import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import {
    type ApiFamily,
    familyOfKind,
    isSupportedApiVersion,
    type ProjectKind,
    type ProjectMetadata,
    projectKindSchema,
} from "../contract";
import { AuthoringClient } from "../client/authoring-client";
import { systemClock } from "../client/clock";
import { LanguageApiError } from "../client/language-api-error";
import { resourceLabelOf } from "../client/transport";
import { JobDeadlineError, JobFailedError } from "../lro/job-errors";
import { findPrimaryProject, primaryDeploymentName, replicableKind } from "../operations/observe-primary";
import { lookupProject } from "../operations/shared-project-lookups";
import { type CheckFailure, failuresOf } from "./check-failures";
import { clientFor, normalizedEndpoint, transportFor, type TransportIo } from "./connections";
import { earlierCheckOf } from "./earlier-check";
import { renewalSchema, type ReplicationArgs, replicationArgsSchema } from "./inputs";
import { expiryWatchKey, splitInternal } from "./internal-properties";
import { misplacedSecrets, secretsIn, withoutSecrets } from "./misplaced-secrets";
import { observeDocuments } from "./observe-documents";
import { observeRenewal } from "./observe-renewal";
import { canonicalJson } from "../plan/canonical-json";
import type { ExportedFile } from "../project-file/exported-file";
import { observeRevision } from "./observe-revision";
import { probeSecondary } from "./probe-secondary";
import { keepingRecordOnlyWhenSettled, recordedExpiryOf } from "./recorded-expiry";
import { refusalOf } from "./refused-connection";
import { type ResourceLog, resourceLog } from "./resource-log";
import { containsUnknowns, valueAt } from "./unknowns";

/**
 * Validates the inputs (an invalid input sends no request), then observes the primary with GETs,
 * proves the secondary with one GET and, when the primary moved, exports it: the kind, the
 * deployment to mirror and the current revision are added to the inputs, so a pending resync
 * shows in `pulumi preview --diff`. Bad input always ends in `failures` naming the field, never
 * in a thrown error, and no failure repeats a key or client secret of the inputs.
 * `io` is the real network unless a test counts or scripts the requests.
 */
export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    io: TransportIo = {},
): Promise<pulumi.dynamic.CheckResult> {
    const { internal, rest: given } = splitInternal(news);
    // The resource lists its outputs with undefined values so that they exist on it; they are no input.
    const userInputs = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    const secrets = secretsIn(userInputs);
    const parsed = replicationArgsSchema.safeParse(userInputs, { reportInput: true });
    // During a preview, values from resources not created yet are unknown: check everything else.
    const knownIssues = (parsed.error?.issues ?? []).filter(
        (issue) => issue.code === "unrecognized_keys" || !containsUnknowns(valueAt(userInputs, issue.path)),
    );
    const invalid = [...failuresOf(knownIssues, replicationArgsSchema), ...misplacedSecrets(userInputs, secrets)];
    if (invalid.length > 0) return { failures: withoutSecrets(invalid, secrets, userInputs) };
    if (!parsed.success || containsUnknowns(userInputs)) return { inputs: news };
    const args = parsed.data;
    const log = resourceLog(internal.__urn, args.projectName);
    try {
        const observed = await observe(args, olds, {
            io,
            withoutSecrets: (failures) => withoutSecrets(failures, secrets, userInputs),
            log,
        });
        if ("failures" in observed) return observed;
        // The record comes from this check, or there is none: never the one `ignoreChanges` passed on.
        const { [expiryWatchKey]: _passedOn, ...rest } = news;
        return { inputs: keepingRecordOnlyWhenSettled({ ...rest, ...observed.inputs }, olds) };
    } finally {
        await log.flushed();
    }
}

/** The HTTP layer of production, as the scope of shared answers (a test's `send` is its own). */
const realNetwork = {};

/** Tells connections apart in memory without keeping their secrets in the clear. */
function fingerprintOfSecret(connection: ReplicationArgs["primary" | "secondary"]): string {
    return createHash("sha256").update(canonicalJson(connection)).digest("base64url");
}

/** What observing needs besides the inputs: the HTTP layer, the log, and how to keep secrets out of failures. */
interface Observer {
    io: TransportIo;
    withoutSecrets: (failures: readonly CheckFailure[]) => CheckFailure[];
    log: ResourceLog;
}

type Observation = { inputs: Record<string, unknown> } | { failures: CheckFailure[] };

async function observe(args: ReplicationArgs, olds: Record<string, unknown>, observer: Observer): Promise<Observation> {
    // One resource answers at its custom subdomain and its regional endpoint alike: the same key gives it away.
    const sameKey = args.primary.key !== undefined && args.primary.key === args.secondary.key;
    const sameResource = sameKey || labelOf(args.primary) === labelOf(args.secondary);
    if (sameResource) {
        return fail("secondary.endpoint", "must be a different Language resource than primary.endpoint");
    }
    const observed = await observePrimary(args, olds, observer).catch((error: unknown) => {
        const refusal = refusalOf(error, args);
        return refusal ? { failures: [refusal] } : duringOutage(error, args, olds, observer.log);
    });
    return "failures" in observed ? { failures: observer.withoutSecrets(observed.failures) } : observed;
}

/** What check adds to the inputs; kept from the last check when the primary cannot be read. */
const observedInputs = [
    "projectKind",
    "secondaryProjectName",
    "deploymentName",
    "modelLabel",
    "primaryRevision",
] as const;

/**
 * The outage this tool exists for: when the primary's region does not answer, the replica must
 * keep serving and the stack must stay operable. So an unreachable primary (network failure, 5xx
 * or throttling after retries) keeps what the last check observed, and says so, instead of
 * failing every preview; a first create, with nothing observed yet, still fails.
 */
function duringOutage(
    error: unknown,
    args: ReplicationArgs,
    olds: Record<string, unknown>,
    log: ResourceLog,
): Observation {
    const unreachable =
        (error instanceof LanguageApiError && error.isRetryable) ||
        error instanceof JobFailedError ||
        error instanceof JobDeadlineError;
    const known = olds.projectName === args.projectName && observedInputs.every((field) => olds[field] !== undefined);
    if (!unreachable || !known) throw error;
    log.warn(`the primary cannot be read, keeping the replica as last synced: ${error.message}`);
    const unset = observedInputs.filter((field) => field === "primaryRevision" || args[field] === undefined);
    const kept = Object.fromEntries(unset.map((field) => [field, olds[field]]));
    // The secondary's expiry is as the last check saw it.
    const watched = (["renewal", expiryWatchKey] as const).filter((field) => olds[field] !== undefined);
    return { inputs: { ...kept, ...Object.fromEntries(watched.map((field) => [field, olds[field]])) } };
}

async function observePrimary(
    args: ReplicationArgs,
    olds: Record<string, unknown>,
    { io, log }: Observer,
): Promise<Observation> {
    const sameProject = olds.projectName === args.projectName;
    const lastSeen = sameProject ? projectKindSchema.safeParse(olds.projectKind).data : undefined;
    const found = await findKind(args, lastSeen, io);
    if ("failures" in found) return found;
    const { details, kind } = found;
    const earlier = earlierCheckOf(olds, args);
    const secondary = clientFor(args.secondary, kind, args, io);
    // Defaults are resolved once and then kept: a deployment added on the primary later, or a
    // renamed deployment, must neither break the check nor retrain under a new label.
    const resolved = (field: "deploymentName" | "modelLabel") =>
        args[field] ?? (sameProject && typeof olds[field] === "string" ? (olds[field] as string) : undefined);
    const secondaryProjectName = args.secondaryProjectName ?? args.projectName;
    const declaredDeployment = resolved("deploymentName");
    const now = (io.clock ?? systemClock).now();
    const recorded = recordedExpiryOf(olds, {
        args,
        kind,
        secondaryProjectName,
        deploymentName: declaredDeployment,
        today: new Date(now).toISOString().slice(0, 10),
    });
    // Before anything is exported or written: the secondary's credentials and training config
    // version. The answer is shared by every check of this process on the same secondary and
    // kind, so a fleet's preview costs one probe per kind, not one per replica; and none at all
    // while the last check's expiry record, which a probe answered, still holds.
    const sharing = { scope: io.send ?? realNetwork, credentials: fingerprintOfSecret(args.secondary) };
    const probed = recorded
        ? { offered: [] }
        : await probeSecondary(secondary, kind, args.training.trainingConfigVersion, sharing);
    if ("failure" in probed) return { failures: [probed.failure] };
    const primary = clientFor(args.primary, kind, args, io);
    const deployment = declaredDeployment
        ? { name: declaredDeployment }
        : await primaryDeploymentName(primary, args.projectName);
    if ("problem" in deployment) return fail("deploymentName", deployment.problem);
    let exported: ExportedFile | undefined;
    const observed = await observeRevision(
        primary,
        secondary,
        details,
        secondaryProjectName,
        earlier.revision,
        { ...args, clock: io.clock },
        log,
        (file) => {
            exported = file;
        },
    );
    const documented = await observeDocuments({
        args,
        primary,
        details,
        revision: observed,
        previous: earlier.revision,
        exported,
        log,
    });
    if ("failures" in documented) return documented;
    const revision = documented.revision;
    const previous = sameProject ? renewalSchema.safeParse(olds.renewal).data : undefined;
    const watched = recorded
        ? { ...(previous && { renewal: previous }), record: recorded }
        : await observeRenewal(
              secondary,
              {
                  projectName: secondaryProjectName,
                  deploymentName: deployment.name,
                  offered: probed.offered,
                  requested: args.training.trainingConfigVersion,
                  warningDays: args.expiryWarningDays,
                  previous,
                  now,
              },
              log,
          );
    return {
        inputs: {
            projectKind: kind,
            secondaryProjectName,
            deploymentName: deployment.name,
            modelLabel: resolved("modelLabel") ?? deployment.name,
            primaryRevision: revision,
            ...(watched.renewal && { renewal: watched.renewal }),
            ...(watched.record && { [expiryWatchKey]: watched.record }),
        },
    };
}

/** Finds the primary project and checks that the options fit its kind. */
async function findKind(
    args: ReplicationArgs,
    lastSeen: ProjectKind | undefined,
    io: TransportIo,
): Promise<{ details: ProjectMetadata; kind: ProjectKind } | FailedCheck> {
    if (args.projectKind) {
        const problem = kindProblem(args, args.projectKind);
        if (problem) return problem;
    }
    const transport = transportFor(args.primary, args, io);
    // Shared with the other checks of this process on the same primary: see shared-project-lookups.
    const sharing = { scope: io.send ?? realNetwork, credentials: fingerprintOfSecret(args.primary) };
    const findIn = (family: ApiFamily) =>
        lookupProject(new AuthoringClient(transport, family, args.apiVersion), args.projectName, sharing);
    const kinds = { declared: args.projectKind, lastSeen };
    const details = await findPrimaryProject(findIn, kinds, args.apiVersion);
    if (!details) {
        const as = args.projectKind ? `as a ${args.projectKind} project` : `with api-version ${args.apiVersion}`;
        const where = `on the primary (${transport.resourceLabel}) ${as}`;
        return fail("projectName", `project "${args.projectName}" was not found ${where}`);
    }
    const kind = replicableKind(details);
    if (!kind) {
        return fail(
            "projectName",
            `"${args.projectName}" is a ${details.projectKind} project, which is not replicated`,
        );
    }
    if (args.projectKind && args.projectKind !== kind) {
        return fail("projectKind", `is ${args.projectKind}, but the primary project is a ${kind} project`);
    }
    return kindProblem(args, kind) ?? { details, kind };
}

/** Options that do not apply to a project kind. */
function kindProblem(args: ReplicationArgs, kind: ProjectKind): FailedCheck | undefined {
    const family = familyOfKind(kind);
    if (!isSupportedApiVersion(family, args.apiVersion)) {
        return fail("apiVersion", `${args.apiVersion} is not an api-version of ${family} (${kind}); use 2023-04-01`);
    }
    if (args.training.trainingMode && family === "analyze-text") {
        return fail(
            "training.trainingMode",
            `applies to Conversation and Orchestration projects only; remove it for ${kind}`,
        );
    }
    const parity = args.promotion?.parity;
    if (parity && family === "analyze-text" && !parity.documents) {
        return fail(
            "promotion.parity.documents",
            `is required for ${kind} projects: the parity probe reads the documents it sends from their storage account; give { connectionString }`,
        );
    }
    if (args.documents && family === "analyze-conversations") {
        return fail(
            "documents",
            `applies to custom text projects only (their labels name documents in storage); remove it for ${kind}`,
        );
    }
    if (parity?.documents && family === "analyze-conversations") {
        return fail(
            "promotion.parity.documents",
            `applies to text projects only; ${kind} projects send their own utterances`,
        );
    }
    return undefined;
}

/** How a resource is told apart: host and path, whatever the scheme or a trailing slash. */
function labelOf(connection: ReplicationArgs["primary"]): string {
    return resourceLabelOf(normalizedEndpoint(connection));
}

type FailedCheck = { failures: CheckFailure[] };

function fail(property: string, reason: string): FailedCheck {
    return { failures: [{ property, reason }] };
}
