import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion, ProjectKind } from "./contract";
import { inputNames, inputOutputNames, outputOnlyNames } from "./lifecycle/property-names";
import { expiryWatchKey } from "./lifecycle/internal-properties";
import type { ReplicaState } from "./lifecycle/replica-state";
import { lazyProvider } from "./shim";

/**
 * One shim for every replica: the SDK serializes a provider object once and reuses the text
 * for every resource that shares it. It loads the package export
 * `replicated-language-project/provider-implementation` (the compiled `provider/lifecycle`).
 */
const provider = lazyProvider("replicated-language-project/provider-implementation");

/** The module and type of the dynamic resource, which make its type token. */
const resourceModule = "language";
const resourceType = "ReplicatedLanguageProject";

/** Microsoft Entra ID for one Language resource: a service principal, or `DefaultAzureCredential`. */
export interface EntraIdArgs {
    /** The directory (tenant) id, a GUID or a domain. With `clientId` and `clientSecret`, a service principal signs in. */
    tenantId?: pulumi.Input<string>;
    /**
     * The application (client) id, a GUID, of a service principal, or of a user-assigned managed
     * identity when no `clientSecret` is given.
     */
    clientId?: pulumi.Input<string>;
    /** The service principal's secret; needs `clientId` and `tenantId`. Stored encrypted in state, never printed. */
    clientSecret?: pulumi.Input<string>;
}

/** One Language resource: its endpoint, and a key (kept secret) or Microsoft Entra ID. */
export interface LanguageResourceArgs {
    /**
     * `https://<custom-subdomain>.cognitiveservices.azure.com`. Plain http is accepted only for
     * loopback addresses (a local emulator), so a key never crosses a network in clear text. No
     * blanks, credentials, query or fragment; a path (the emulator's) only of plain segments.
     */
    endpoint: pulumi.Input<string>;
    /**
     * A resource key (`Ocp-Apim-Subscription-Key`), without blanks or a line break. Stored
     * encrypted in state, never printed. Give this or `entraId`.
     */
    key?: pulumi.Input<string>;
    /**
     * Sign in with Microsoft Entra ID instead of a key: `{}` uses `DefaultAzureCredential`
     * (environment, workload identity, managed identity, Azure CLI). Give this or `key`.
     */
    entraId?: pulumi.Input<EntraIdArgs>;
}

/** How the replica is trained. Changing any of these retrains and redeploys. */
export interface TrainingArgs {
    /**
     * The training configuration version (dated, e.g. `"2022-09-01"`; one the secondary offers
     * for the project's kind), or `"latest"` (the default) for the newest the secondary offers.
     * Configurations expire; a deployment expires 12 months after its configuration does.
     */
    trainingConfigVersion?: pulumi.Input<string>;
    /** Conversation and Orchestration only: `"standard"` (free, the default) or `"advanced"` (billed). */
    trainingMode?: pulumi.Input<"standard" | "advanced">;
    /** How the labelled data is split for evaluation; the service's 80/20 split by default. */
    evaluation?: pulumi.Input<EvaluationArgs>;
}

/** The evaluation split of a training run. */
export interface EvaluationArgs {
    /** `"percentage"` (split by the percentages below, the default) or `"manual"` (by each item's dataset; no percentages). */
    kind?: "percentage" | "manual";
    /** Percent of labelled items to train on, 1 to 99; with `testingSplitPercentage` (both or neither), sums to 100. */
    trainingSplitPercentage?: number;
    /** Percent of labelled items to evaluate on, 1 to 99; with `trainingSplitPercentage` (both or neither), sums to 100. */
    testingSplitPercentage?: number;
}

/**
 * Minutes each step may take before the provider stops waiting (the engine ignores
 * `customTimeouts`): each from 1/60 (a second) to 10080 (7 days, the lifetime of the service's jobs).
 */
export interface TimeoutMinutesArgs {
    /** Exporting the primary (default 15). */
    export?: number;
    /** Importing into the secondary (default 15). */
    import?: number;
    /** Training on the secondary (default 240). A job still running is adopted by the next `up`. */
    train?: number;
    /** Deploying on the secondary (default 60). */
    deploy?: number;
    /** Deleting the replica on destroy (default 15). */
    delete?: number;
    /** Waiting for a candidate's evaluation and probing its predictions, with a promotion gate (default 30). */
    gate?: number;
}

/** How often the provider asks the service whether a job has finished. */
export interface PollingArgs {
    /** The first wait, in whole milliseconds from 10 to 60000 and at most `maxIntervalMs` (default 1000); each later wait grows by half. */
    initialIntervalMs?: number;
    /** The longest wait, in whole milliseconds from 10 to 600000 (default 30000); a `Retry-After` is honoured up to this. */
    maxIntervalMs?: number;
}

/**
 * The client's request budget for one Language resource, shared by every replica in the process:
 * whole numbers from 1 to 10000 a minute.
 */
export interface RateLimitsArgs {
    /** GET requests a minute (the service allows 100). */
    readsPerMinute: number;
    /** Writing requests a minute (the service allows 10). */
    writesPerMinute: number;
}

/**
 * The gate a newly trained model (a candidate) passes before it serves. With a gate, a candidate
 * is deployed to `<deploymentName>-staging`, measured, and swapped into the serving deployment
 * with the service's `:swap` when it passes. Thresholds left out are not checked.
 */
export interface PromotionArgs {
    /**
     * `"enforce"` (the default): a failing candidate is not promoted, the serving model keeps
     * serving, `up` fails with the figures beside the thresholds, and the candidate is not trained
     * again for the same content and options. `"warn"`: it is promoted, with a warning.
     */
    mode?: pulumi.Input<"enforce" | "warn">;
    /** The lowest micro-averaged F1 of the candidate's evaluation, 0 to 1 (intents for CLU and orchestration). */
    minMicroF1?: pulumi.Input<number>;
    /** The lowest macro-averaged F1 of the candidate's evaluation, 0 to 1. */
    minMacroF1?: pulumi.Input<number>;
    /**
     * The largest drop, 0 to 1, of the candidate's micro or macro F1 below the evaluation of the
     * model the primary's deployment serves (read with GETs).
     */
    maxDropFromPrimary?: pulumi.Input<number>;
    /** The prediction-parity probe; left out, no prediction is sent. */
    parity?: pulumi.Input<ParityArgs>;
}

/**
 * A sample of the project's own utterances (or documents) is sent through the runtime API to the
 * primary's deployment and to the candidate's staging deployment; their answers (top intent, class,
 * or entity set) must agree often enough. Predictions change nothing on the primary.
 */
export interface ParityArgs {
    /** The share of the sample, 0 to 1, on which both must answer alike (default 0.9). */
    minAgreement?: pulumi.Input<number>;
    /** How many utterances or documents, a whole number from 1 to 1000, spread over the project (default 20). */
    sampleSize?: pulumi.Input<number>;
    /**
     * Text projects only, and required for them: the storage account holding the documents (the
     * export names them, the runtime needs their text). Its connection string is kept secret.
     */
    documents?: pulumi.Input<{ connectionString: pulumi.Input<string> }>;
}

/**
 * How the provider reaches a storage account: `connectionString`, or `blobEndpoint` with
 * `sasToken` or `entraId`. Secrets are stored encrypted in state and never printed.
 */
export interface StorageAccessArgs {
    /**
     * A connection string with an account key or a SAS (`AccountName=...;AccountKey=...`, or
     * `BlobEndpoint=...;SharedAccessSignature=...`), as the portal's "Access keys" page gives it.
     * Credentials never travel in clear text: https only, except a loopback BlobEndpoint (Azurite).
     */
    connectionString?: pulumi.Input<string>;
    /** The account's blob endpoint, `https://<account>.blob.core.windows.net`, for `sasToken` or `entraId`. */
    blobEndpoint?: pulumi.Input<string>;
    /** A SAS token (the query of a signed URL, with or without its `?`). */
    sasToken?: pulumi.Input<string>;
    /** Microsoft Entra ID: `{}` for DefaultAzureCredential, or a service principal. */
    entraId?: pulumi.Input<EntraIdArgs>;
}

/**
 * The documents of a custom text project (classification or NER): its labels name blobs of the
 * container the primary links (`storageInputContainerName`). Text projects only.
 */
export interface DocumentsArgs {
    /**
     * `true` (the default): before importing, every document the labels reference is copied from
     * `source` into `target`, incrementally (unchanged documents are not copied again), and the
     * replica reads them there, so the secondary imports and trains while the primary's region,
     * its storage included, is down. `false`: both resources read `source` (one shared account);
     * the documents are only watched, so that a changed text retrains.
     */
    copy?: pulumi.Input<boolean>;
    /** The container of `target` the documents go to; defaults to the primary's container name. Not with `copy: false`. */
    container?: pulumi.Input<string>;
    /**
     * The storage account linked to the primary resource: listed and read (list and read access,
     * e.g. Storage Blob Data Reader), never written.
     */
    source: pulumi.Input<StorageAccessArgs>;
    /**
     * The storage account linked to the secondary resource (write access, e.g. Storage Blob Data
     * Contributor); required with `copy`, not given without.
     */
    target?: pulumi.Input<StorageAccessArgs>;
}

/** What a replica is of, where it lives, and how it is kept in sync. */
export interface ReplicatedLanguageProjectArgs {
    /** The resource holding the project. Only read: nothing is ever written to it. */
    primary: LanguageResourceArgs;
    /** The resource in another (authoring) region that holds the replica. Changing it replaces the replica. */
    secondary: LanguageResourceArgs;
    /**
     * The primary's project (case-sensitive). Changing it replaces the replica. Names here and
     * below: letters, digits, `_`, `.` and `-`, at most 50 characters, not dots only.
     */
    projectName: pulumi.Input<string>;
    /** The replica's project name on the secondary; defaults to `projectName`. Changing it replaces the replica. */
    secondaryProjectName?: pulumi.Input<string>;
    /** Read from the primary; when declared, the primary's project must be of this kind. */
    projectKind?: pulumi.Input<ProjectKind>;
    /**
     * The deployment to create on the secondary. Defaults to the primary's only deployment, so
     * runtime failover changes nothing but the endpoint and key.
     */
    deploymentName?: pulumi.Input<string>;
    /** The trained model's label on the secondary; defaults to the deployment name. */
    modelLabel?: pulumi.Input<string>;
    /** Training options; changing them retrains. */
    training?: pulumi.Input<TrainingArgs>;
    /**
     * The authoring api-version: `2023-04-01` (default), `2022-05-01`, `2024-11-15-preview`,
     * `2025-05-15-preview`, or for conversations also `2025-11-01` and `2025-11-15-preview`.
     */
    apiVersion?: pulumi.Input<ApiVersion>;
    /** Minutes each step may take (defaults: export 15, import 15, train 240, deploy 60, delete 15). */
    timeoutMinutes?: pulumi.Input<TimeoutMinutesArgs>;
    /** How often jobs are polled (defaults: from 1 s, growing by half to 30 s). */
    polling?: pulumi.Input<PollingArgs>;
    /** Client-side request budget per resource (defaults: the service's 100 GET and 10 writes a minute). */
    rateLimits?: pulumi.Input<RateLimitsArgs>;
    /** What destroying this resource does to the replica: `"delete"` it (default) or `"retain"` it serving. */
    onDelete?: pulumi.Input<"delete" | "retain">;
    /**
     * Check each new model before it serves (see PromotionArgs). Without it, a new model is
     * deployed as soon as it is trained, as before, and no staging deployment is made.
     */
    promotion?: pulumi.Input<PromotionArgs>;
    /**
     * How many of the replica's models are kept on the secondary, a whole number from 1 to 10
     * (default 2); older ones are deleted. A model a deployment serves, the previous one and a
     * pinned one are never deleted.
     */
    keepModels?: pulumi.Input<number>;
    /**
     * Which model serves: `"latest"` (the default: the newest model of the current content and
     * options, once it passed the gate), `"previous"` (roll back to the model that served before),
     * or the label of a kept model. A rollback never trains: it swaps the deployments back or
     * redeploys the kept model.
     */
    servingModel?: pulumi.Input<string>;
    /**
     * Days before the serving deployment expires from which `preview` warns and
     * `--expect-no-changes` fails, 0 to 365 (default 30); also when its training configuration is
     * past expiry. With `trainingConfigVersion: "latest"`, `up` then retrains with the newest.
     */
    expiryWarningDays?: pulumi.Input<number>;
    /**
     * Any text (1 to 100 printable characters); changing it trains the same content again, e.g. on
     * a schedule. It is shown in plans: no secret.
     */
    retrainToken?: pulumi.Input<string>;
    /**
     * Custom text projects: their documents, copied to the secondary's storage account (see
     * DocumentsArgs). A document whose text changed on the primary is a pending resync.
     */
    documents?: pulumi.Input<DocumentsArgs>;
}

/**
 * A secondary-region replica of an Azure AI Language project, kept in sync with its primary:
 * export -> import -> train -> deploy under the same deployment name. `pulumi preview` shows a
 * pending resync (the primary's new revision and what changed) before it happens.
 */
export class ReplicatedLanguageProject extends pulumi.dynamic.Resource {
    declare readonly projectKind: pulumi.Output<ProjectKind>;
    declare readonly secondaryEndpoint: pulumi.Output<string>;
    declare readonly secondaryProjectName: pulumi.Output<string>;
    declare readonly deploymentName: pulumi.Output<string>;
    declare readonly modelLabel: pulumi.Output<string>;
    /** The replica's project on the secondary; absent after a refresh that found it deleted. */
    declare readonly secondaryProject: pulumi.Output<ReplicaState["secondaryProject"]>;
    /** The model the replica serves, with its evaluation; absent after a refresh that found it deleted. */
    declare readonly trainedModel: pulumi.Output<ReplicaState["trainedModel"]>;
    /** The replica's deployment and the model it serves; absent after a refresh that found it deleted. */
    declare readonly deployment: pulumi.Output<ReplicaState["deployment"]>;
    declare readonly syncedRevision: pulumi.Output<ReplicaState["syncedRevision"] & {}>;
    declare readonly lastSyncedAt: pulumi.Output<string>;
    /** With a promotion gate: where candidates are checked (after a swap, the model that served before). */
    declare readonly stagingDeployment: pulumi.Output<ReplicaState["stagingDeployment"]>;
    /** The model that served before the one serving now; absent until a second model served. */
    declare readonly previousModel: pulumi.Output<ReplicaState["previousModel"]>;
    /** The replica's models on the secondary, newest first. */
    declare readonly keptModels: pulumi.Output<ReplicaState["keptModels"] & {}>;
    /** The last candidate the gate measured: its evaluation, parity figures, verdict and decision. */
    declare readonly gate: pulumi.Output<ReplicaState["gate"]>;
    /** Candidates the gate rejected; not trained or promoted again. */
    declare readonly rejectedCandidates: pulumi.Output<ReplicaState["rejectedCandidates"]>;
    /**
     * With `documents` copied: the secondary's storage account and container, and by location the
     * content id each document there holds (`missing` after a refresh that found it deleted).
     */
    declare readonly secondaryDocuments: pulumi.Output<ReplicaState["secondaryDocuments"]>;

    constructor(name: string, args: ReplicatedLanguageProjectArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, registeredPropertiesOf(name, args, opts), optionsOf(opts), resourceModule, resourceType);
    }
}

/**
 * What a replica registers with the engine. Whatever the program gave goes to `check`, which
 * names what is wrong: missing arguments, an output name given as an input, an unknown field
 * inside primary or secondary. Exported for the benchmark's yardstick of the same shape.
 */
export function registeredPropertiesOf(
    name: string,
    args: ReplicatedLanguageProjectArgs,
    opts: pulumi.CustomResourceOptions | undefined,
): Record<string, unknown> {
    const given: Partial<ReplicatedLanguageProjectArgs> = args ?? {};
    return {
        // Outputs the provider sets, listed so they exist on the resource; Pulumi drops the
        // undefined ones before `check`, so only a value the program gave reaches it.
        ...Object.fromEntries([...outputOnlyNames, ...inputOutputNames].map((output) => [output, undefined])),
        ...withUnknownFieldsSecret(given),
        primary: withSecretCredentials(given.primary),
        secondary: withSecretCredentials(given.secondary),
        ...(given.promotion !== undefined && { promotion: withSecretConnectionString(given.promotion) }),
        ...(given.documents !== undefined && { documents: withSecretStorage(given.documents) }),
        // The provider logs against this URN, so its lines show on this resource's row.
        __urn: pulumi.createUrn(name, `pulumi-nodejs:dynamic/${resourceModule}:${resourceType}`, opts?.parent),
    };
}

/** The program's options, with what every replica needs added to them. */
export function optionsOf(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    // Refresh and delete receive only the outputs, so these credentials are kept there, secret.
    const additionalSecretOutputs = [...(opts?.additionalSecretOutputs ?? []), "secondary", "secondaryStorage"];
    // What check last read of the replica's expiry is no change of the replica when it is read again.
    const ignoreChanges = [...(opts?.ignoreChanges ?? []), expiryWatchKey];
    return { ...opts, additionalSecretOutputs, ignoreChanges };
}

/** Marks a Language resource's key and client secret secret (see withSecretFields). */
function withSecretCredentials(resource: LanguageResourceArgs | undefined): unknown {
    return withSecretFields(resource, ["key"]);
}

/** Marks the credentials of both storage accounts of `documents` secret (see withSecretFields). */
function withSecretStorage(documents: pulumi.Input<DocumentsArgs>): unknown {
    if (!isPlainObject(documents)) return pulumi.secret(documents);
    const storageSecrets = ["connectionString", "sasToken"];
    return {
        ...documents,
        source: withSecretFields(documents.source, storageSecrets),
        ...(documents.target !== undefined && { target: withSecretFields(documents.target, storageSecrets) }),
    };
}

/**
 * Marks the credential fields of an access object, and its entraId's client secret, secret even
 * when the program passed plain strings. Other fields are passed on as given, for `check` to
 * refuse with the field's name. An access or `entraId` that is no object is kept secret whole:
 * it may be a key given without its object. So is one given as one Output (JavaScript allows
 * it): its credential cannot be reached alone.
 */
function withSecretFields(access: unknown, fields: readonly string[]): unknown {
    if (access === undefined) return undefined;
    if (!isPlainObject(access)) return pulumi.secret(access);
    const marked = Object.fromEntries(
        fields.filter((field) => access[field] !== undefined).map((field) => [field, pulumi.secret(access[field])]),
    );
    return {
        ...access,
        ...marked,
        ...(access.entraId !== undefined && {
            entraId: pulumi.output(access.entraId).apply((entra: unknown) =>
                isPlainObject(entra)
                    ? {
                          ...entra,
                          ...(entra.clientSecret !== undefined && { clientSecret: pulumi.secret(entra.clientSecret) }),
                      }
                    : pulumi.secret(entra),
            ),
        }),
    };
}

/**
 * Marks the documents' connection string secret; the thresholds stay readable in previews. A
 * promotion given as one Output (its parts cannot be reached alone) is kept secret whole.
 */
function withSecretConnectionString(promotion: pulumi.Input<PromotionArgs>): unknown {
    if (!isPlainObject(promotion)) return pulumi.secret(promotion);
    const parity = promotion.parity;
    if (parity === undefined) return promotion;
    if (!isPlainObject(parity)) return { ...promotion, parity: pulumi.secret(parity) };
    const documents = parity.documents;
    if (documents === undefined) return promotion;
    return {
        ...promotion,
        parity: {
            ...parity,
            documents: withSecretFields(documents, ["connectionString"]),
        },
    };
}

/**
 * Fields that are no input (a misspelt option, an output, a key given at the top level) go on to
 * `check` to be refused. They are kept secret, as they may hold a key: the engine prints the
 * value of a refused top-level property beside the failure.
 */
function withUnknownFieldsSecret(args: Partial<ReplicatedLanguageProjectArgs>): Record<string, unknown> {
    const known: readonly string[] = inputNames;
    return Object.fromEntries(
        Object.entries(args).map(([field, value]) => [
            field,
            known.includes(field) || value === undefined ? value : pulumi.secret(value),
        ]),
    );
}

function isPlainObject(value: unknown): value is Record<string, pulumi.Input<unknown>> {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !pulumi.Output.isInstance(value);
}
