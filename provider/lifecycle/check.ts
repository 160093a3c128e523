import type * as pulumi from "@pulumi/pulumi";
import {
    type ApiFamily,
    familyOfKind,
    isSupportedApiVersion,
    type ProjectKind,
    type ProjectMetadata,
} from "../contract";
import { AuthoringClient } from "../client/authoring-client";
import { LanguageApiError } from "../client/language-api-error";
import { JobDeadlineError, JobFailedError } from "../lro/job-errors";
import { findPrimaryProject, primaryDeploymentName, replicableKind } from "../operations/observe-primary";
import { type CheckFailure, failuresOf } from "./check-failures";
import { clientFor, normalizedEndpoint, transportFor } from "./connections";
import { primaryRevisionSchema, type ReplicationArgs, replicationArgsSchema } from "./inputs";
import { splitInternal } from "./internal-properties";
import { observeRevision } from "./observe-revision";
import { type ResourceLog, resourceLog } from "./resource-log";
import { containsUnknowns } from "./unknowns";

/**
 * Validates the inputs (an invalid input sends no request), then observes the primary with GETs
 * and, when it moved, an export: the kind, the deployment to mirror and the current revision
 * are added to the inputs, so a pending resync shows in `pulumi preview --diff`.
 */
export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    const { internal, rest: userInputs } = splitInternal(news);
    if (containsUnknowns(userInputs)) return { inputs: news };
    const parsed = replicationArgsSchema.safeParse(userInputs, { reportInput: true });
    if (!parsed.success) return { failures: failuresOf(parsed.error) };
    const args = parsed.data;
    // One resource answers at its custom subdomain and its regional endpoint alike: the same key gives it away.
    const sameKey = args.primary.key !== undefined && args.primary.key === args.secondary.key;
    const sameResource = sameKey || normalizedEndpoint(args.primary) === normalizedEndpoint(args.secondary);
    if (sameResource) {
        return {
            failures: [
                {
                    property: "secondary.endpoint",
                    reason: "must be a different Language resource than primary.endpoint",
                },
            ],
        };
    }
    const log = resourceLog(internal.__urn, args.projectName);
    try {
        const observed = await observePrimary(args, olds, log).catch((error: unknown) =>
            duringOutage(error, args, olds, log),
        );
        return "failures" in observed ? observed : { inputs: { ...news, ...observed.inputs } };
    } finally {
        await log.flushed();
    }
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
    return { inputs: Object.fromEntries(unset.map((field) => [field, olds[field]])) };
}

type Observation = { inputs: Record<string, unknown> } | { failures: CheckFailure[] };

async function observePrimary(
    args: ReplicationArgs,
    olds: Record<string, unknown>,
    log: ResourceLog,
): Promise<Observation> {
    const found = await findKind(args);
    if ("failures" in found) return found;
    const { details, kind } = found;
    const primary = clientFor(args.primary, kind, args);
    // Defaults are resolved once and then kept: a deployment added on the primary later, or a
    // renamed deployment, must neither break the check nor retrain under a new label.
    const sameProject = olds.projectName === args.projectName;
    const resolved = (field: "deploymentName" | "modelLabel") =>
        args[field] ?? (sameProject && typeof olds[field] === "string" ? (olds[field] as string) : undefined);
    const declaredDeployment = resolved("deploymentName");
    const deployment = declaredDeployment
        ? { name: declaredDeployment }
        : await primaryDeploymentName(primary, args.projectName);
    if ("problem" in deployment) return fail("deploymentName", deployment.problem);
    const secondaryProjectName = args.secondaryProjectName ?? args.projectName;
    const previous = sameProject ? primaryRevisionSchema.safeParse(olds.primaryRevision).data : undefined;
    const secondary = clientFor(args.secondary, kind, args);
    const revision = await observeRevision(primary, secondary, details, secondaryProjectName, previous, args, log);
    return {
        inputs: {
            projectKind: kind,
            secondaryProjectName,
            deploymentName: deployment.name,
            modelLabel: resolved("modelLabel") ?? deployment.name,
            primaryRevision: revision,
        },
    };
}

/** Finds the primary project and checks that the options fit its kind. */
async function findKind(args: ReplicationArgs): Promise<{ details: ProjectMetadata; kind: ProjectKind } | FailedCheck> {
    if (args.projectKind) {
        const problem = kindProblem(args, args.projectKind);
        if (problem) return problem;
    }
    const transport = transportFor(args.primary, args);
    const clientOf = (family: ApiFamily) => new AuthoringClient(transport, family, args.apiVersion);
    const details = await findPrimaryProject(clientOf, args.projectName, args.projectKind, args.apiVersion);
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
        return fail(
            "apiVersion",
            `${args.apiVersion} is not a stable api-version of ${family} (${kind}); use 2023-04-01`,
        );
    }
    if (args.training.trainingMode && family === "analyze-text") {
        return fail(
            "training.trainingMode",
            `applies to Conversation and Orchestration projects only; remove it for ${kind}`,
        );
    }
    return undefined;
}

type FailedCheck = { failures: CheckFailure[] };

function fail(property: string, reason: string): FailedCheck {
    return { failures: [{ property, reason }] };
}
