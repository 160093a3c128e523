import { outputOnlyNames, providerKeptNames } from "../../../../provider/lifecycle/property-names";
import { replicationArgsSchema } from "../../../../provider/lifecycle/inputs";
import { badOptions, badStrings, outOfRange, secrets, wrongTypes } from "./bad-values";
import { type SchemaField, schemaFields } from "./schema-fields";

/** One bad input: what was done, the inputs, and the fields a failure must name. */
export interface FuzzCase {
    title: string;
    inputs: Record<string, unknown>;
    /** Paths (dotted) of the fields broken; every failure must name one of them or a field inside. */
    broken: string[];
}

type Mutation = {
    title: string;
    broken: string[];
    apply: (inputs: Record<string, unknown>) => void;
    /** Top-level fields whose valid value the mutation relies on (the secret it pastes elsewhere). */
    relies?: string[];
};

const entraId = {
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    clientId: "0b4f1c6e-2a9d-4e3b-8c7f-5d6e7f8a9b0c",
    clientSecret: secrets.clientSecret,
};

/** Valid inputs touching every field: the primary by key, the secondary by Entra ID. */
export function validInputs(): Record<string, unknown> {
    return {
        primary: { endpoint: "https://primary.fuzz.example", key: secrets.primaryKey },
        secondary: { endpoint: "https://secondary.fuzz.example", entraId: { ...entraId } },
        projectName: "travel-clu",
        secondaryProjectName: "travel-clu-replica",
        projectKind: "Conversation",
        deploymentName: "production",
        modelLabel: "production-v1",
        training: {
            trainingConfigVersion: "2022-09-01",
            trainingMode: "standard",
            evaluation: { kind: "percentage", trainingSplitPercentage: 80, testingSplitPercentage: 20 },
        },
        apiVersion: "2023-04-01",
        timeoutMinutes: { export: 15, import: 15, train: 240, deploy: 60, delete: 15, copy: 30, gate: 30 },
        polling: { initialIntervalMs: 1_000, maxIntervalMs: 30_000 },
        rateLimits: { readsPerMinute: 100, writesPerMinute: 10 },
        onDelete: "delete",
        promotion: {
            mode: "enforce",
            minMicroF1: 0.8,
            minMacroF1: 0.7,
            maxDropFromPrimary: 0.05,
            parity: { minAgreement: 0.9, sampleSize: 20 },
        },
        keepModels: 2,
        servingModel: "latest",
        expiryWarningDays: 30,
        retrainToken: "2026-11",
    };
}

/**
 * Objects the valid inputs leave out (they only fit other project kinds), as a mutation inside
 * them finds them: valid but for the mutation.
 */
const validObjects: Record<string, () => Record<string, unknown>> = {
    "promotion.parity.documents": () => ({ connectionString: secrets.connectionString }),
    documents: validDocuments,
};

/** Documents copied between two accounts, both by connection string. */
function validDocuments(): Record<string, unknown> {
    return {
        copy: true,
        container: "replica-documents",
        source: { connectionString: secrets.connectionString },
        target: { connectionString: secrets.targetConnectionString },
    };
}

/** A storage access of each way, valid, by the field a mutation is about. */
const storageAccessFor: Record<string, () => Record<string, unknown>> = {
    connectionString: () => ({ connectionString: secrets.connectionString }),
    blobEndpoint: () => ({ blobEndpoint: "https://fuzzdocs.blob.core.windows.net", sasToken: secrets.sasToken }),
    sasToken: () => ({ blobEndpoint: "https://fuzzdocs.blob.core.windows.net", sasToken: secrets.sasToken }),
    entraId: () => ({ blobEndpoint: "https://fuzzdocs.blob.core.windows.net", entraId: { ...entraId } }),
};

/**
 * Sets a value at a path, first switching a connection or a storage access to the way of
 * authenticating the path is about.
 */
function setAt(inputs: Record<string, unknown>, path: string[], value: unknown): void {
    const [side, auth] = path;
    if ((side === "primary" || side === "secondary") && (auth === "key" || auth === "entraId")) {
        const connection = inputs[side] as Record<string, unknown>;
        delete connection[auth === "key" ? "entraId" : "key"];
        connection[auth] ??= auth === "key" ? secrets.secondaryKey : { ...entraId };
    }
    const [, storage, way] = path;
    if (side === "documents" && (storage === "source" || storage === "target") && way && storageAccessFor[way]) {
        inputs.documents ??= validDocuments();
        (inputs.documents as Record<string, unknown>)[storage] = storageAccessFor[way]();
    }
    let node = inputs;
    for (const [depth, key] of path.slice(0, -1).entries()) {
        const where = path.slice(0, depth + 1).join(".");
        if (node[key] === null || typeof node[key] !== "object") node[key] = validObjects[where]?.() ?? {};
        node = node[key] as Record<string, unknown>;
    }
    if (value === undefined) delete node[path.at(-1)!];
    else node[path.at(-1)!] = value;
}

const set = (path: string[], value: unknown, title: string, broken = [path.join(".")]): Mutation => ({
    title,
    broken,
    apply: (inputs) => setAt(inputs, path, value),
});

const shown = (value: unknown) =>
    typeof value === "number" && !Number.isFinite(value) ? String(value) : JSON.stringify(value);

/** Wrong types, out-of-range numbers, bad strings and options, for every field of the schema. */
function perField(field: SchemaField): Mutation[] {
    const where = field.path.join(".");
    const mutations = wrongTypes[field.type].map((value) => set(field.path, value, `${where} = ${shown(value)}`));
    if (field.type === "number") {
        mutations.push(...outOfRange(field).map((value) => set(field.path, value, `${where} = ${value}`)));
    }
    if (field.type === "enum") {
        mutations.push(...badOptions(field).map((value) => set(field.path, value, `${where} = ${shown(value)}`)));
    }
    if (field.type === "string") {
        mutations.push(...badStrings(field).map((value) => set(field.path, value, `${where} = ${shown(value)}`)));
    }
    if (field.type === "object") {
        mutations.push(...unknownKeys(field));
    }
    if (field.required && field.path.length > 0) {
        mutations.push(set(field.path, undefined, `${where} missing`));
    }
    return mutations;
}

/** A field no object has, and near misses of each real key: a plural, the wrong case, one letter short. */
function unknownKeys(field: Extract<SchemaField, { type: "object" }>): Mutation[] {
    const misses = field.keys.flatMap((key) => [`${key}s`, key.toUpperCase(), key.slice(0, -1)]);
    const unknown = [...new Set(["region", ...misses])].filter((key) => !field.keys.includes(key));
    return unknown.map((key) => set([...field.path, key], "x", `${[...field.path, key].join(".")} (unknown field)`));
}

/** Outputs and provider-kept fields given as inputs. */
const outputsAsInputs: Mutation[] = [...outputOnlyNames, ...providerKeptNames].map((name) =>
    set([name], { value: 1 }, `output ${name} given as an input`),
);

/** Faults only a rule across fields finds. */
const acrossFields: Mutation[] = [
    {
        title: "primary with both key and entraId",
        broken: ["primary.key"],
        apply: (inputs) => ((inputs.primary as Record<string, unknown>).entraId = {}),
    },
    {
        title: "secondary with neither key nor entraId",
        broken: ["secondary.key"],
        apply: (inputs) => delete (inputs.secondary as Record<string, unknown>).entraId,
    },
    set(["secondary", "entraId", "clientId"], undefined, "clientSecret without clientId"),
    set(["secondary", "entraId", "tenantId"], undefined, "clientSecret without tenantId"),
    set(["polling", "initialIntervalMs"], 50_000, "polling starts above its maximum"),
    set(["training", "evaluation", "testingSplitPercentage"], 30, "splits summing to 110"),
    set(["training", "evaluation", "testingSplitPercentage"], undefined, "only the training split given"),
    set(["training", "evaluation", "kind"], "manual", "manual evaluation with percentages", [
        "training.evaluation.trainingSplitPercentage",
        "training.evaluation.testingSplitPercentage",
    ]),
];

/** A change to otherwise valid documents. */
const inDocuments = (
    title: string,
    broken: string[],
    change: (documents: Record<string, unknown>) => void,
): Mutation => ({
    title,
    broken,
    apply: (inputs) => {
        const documents = validDocuments();
        change(documents);
        inputs.documents = documents;
    },
});

/** Documents' faults across fields: the ways of reaching storage, and what goes with copying. */
const documentFaults: Mutation[] = [
    inDocuments("documents copied without a target", ["documents.target"], (documents) => delete documents.target),
    inDocuments("documents only watched, with a target", ["documents.target"], (documents) => {
        documents.copy = false;
        delete documents.container;
    }),
    inDocuments("documents only watched, with a container", ["documents.container"], (documents) => {
        documents.copy = false;
        delete documents.target;
    }),
    inDocuments("a storage connection string with a blob endpoint", ["documents.source.blobEndpoint"], (documents) => {
        documents.source = {
            ...storageAccessFor.connectionString!(),
            blobEndpoint: "https://fuzzdocs.blob.core.windows.net",
        };
    }),
    inDocuments("a blob endpoint with both a SAS token and Entra ID", ["documents.source.sasToken"], (documents) => {
        documents.source = { ...storageAccessFor.sasToken!(), entraId: {} };
    }),
    inDocuments("a blob endpoint without a credential", ["documents.target.sasToken"], (documents) => {
        documents.target = { blobEndpoint: "https://fuzzreplica.blob.core.windows.net" };
    }),
    inDocuments("a SAS token without its blob endpoint", ["documents.target.blobEndpoint"], (documents) => {
        documents.target = { sasToken: secrets.sasToken };
    }),
    inDocuments("a storage access of nothing", ["documents.source.connectionString"], (documents) => {
        documents.source = {};
    }),
];

/** Faults found only once the schema passed: kept out of combinations, where a schema failure comes first. */
const afterSchema: Mutation[] = [
    set(["projectKind"], "CustomEntityRecognition", "trainingMode for a text project", ["training.trainingMode"]),
    {
        title: "api-version a text project lacks",
        broken: ["apiVersion"],
        apply: (inputs) => {
            inputs.projectKind = "CustomSingleLabelClassification";
            inputs.apiVersion = "2025-11-01";
            delete (inputs.training as Record<string, unknown>).trainingMode;
        },
    },
    set(
        ["secondary"],
        { endpoint: "https://primary.fuzz.example/", key: secrets.secondaryKey },
        "the same endpoint twice",
        ["secondary.endpoint"],
    ),
    set(["secondary"], { endpoint: "https://regional.fuzz.example", key: secrets.primaryKey }, "the same key twice", [
        "secondary.endpoint",
    ]),
    {
        title: "parity for a text project without its documents' storage",
        broken: ["promotion.parity.documents"],
        apply: (inputs) => {
            inputs.projectKind = "CustomSingleLabelClassification";
            delete (inputs.training as Record<string, unknown>).trainingMode;
        },
    },
    set(
        ["promotion", "parity", "documents"],
        { connectionString: secrets.connectionString },
        "documents' storage for a conversations project",
    ),
    set(["documents"], validDocuments(), "documents for a conversations project"),
];

/** A secret pasted where it does not belong: it is recognised only while its own field holds it. */
const pasted = (from: string, path: string[], value: string, title: string): Mutation => ({
    ...set(path, value, title),
    relies: [from],
});

/** Secrets pasted where they do not belong. */
const misplacedSecrets: Mutation[] = [
    ...["projectName", "secondaryProjectName", "deploymentName", "modelLabel", "retrainToken", "servingModel"].map(
        (field) => pasted("primary", [field], secrets.primaryKey, `primary.key pasted as ${field}`),
    ),
    set(["primary", "endpoint"], secrets.primaryKey, "primary.key pasted as primary.endpoint"),
    pasted(
        "primary",
        ["secondary", "endpoint"],
        `https://x.example/${secrets.primaryKey}`,
        "primary.key inside secondary.endpoint",
    ),
    set(["secondary", "entraId", "tenantId"], secrets.clientSecret, "clientSecret pasted as tenantId"),
    pasted("secondary", ["deploymentName"], secrets.clientSecret, "clientSecret pasted as deploymentName"),
    set(["primary", "apiKey"], secrets.primaryKey, "primary.key repeated as apiKey"),
    pasted(
        "primary",
        ["training", "trainingConfigVersion"],
        secrets.primaryKey,
        "primary.key pasted as trainingConfigVersion",
    ),
    pasted("secondary", ["onDelete"], secrets.clientSecret, "clientSecret pasted as onDelete"),
    {
        title: "the documents' connection string pasted as retrainToken",
        broken: ["retrainToken"],
        apply: (inputs) => {
            inputs.projectKind = "CustomSingleLabelClassification";
            delete (inputs.training as Record<string, unknown>).trainingMode;
            const parity = (inputs.promotion as { parity: Record<string, unknown> }).parity;
            parity.documents = { connectionString: secrets.connectionString };
            inputs.retrainToken = secrets.connectionString;
        },
    },
    set(["secondary", "entraId"], secrets.clientSecret, "clientSecret pasted as the whole entraId"),
    pasted("primary", ["documents", "container"], secrets.primaryKey, "primary.key pasted as documents.container"),
    {
        title: "the source's SAS token pasted as retrainToken",
        broken: ["retrainToken"],
        apply: (inputs) => {
            inputs.documents = { ...validDocuments(), source: storageAccessFor.sasToken!() };
            inputs.retrainToken = secrets.sasToken;
        },
    },
    {
        title: "the target's connection string pasted as deploymentName",
        broken: ["deploymentName"],
        apply: (inputs) => {
            inputs.documents = validDocuments();
            inputs.deploymentName = secrets.targetConnectionString;
        },
    },
];

/** A small deterministic PRNG, so the combinations are the same on every run. */
function seeded(seed: number): () => number {
    return () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
    };
}

/** Two faults in different top-level fields: both must be named. */
function combinations(single: readonly Mutation[], count: number): Mutation[] {
    const random = seeded(11);
    const topOf = (mutation: Mutation) =>
        new Set([...mutation.broken.map((path) => path.split(".")[0]), ...(mutation.relies ?? [])]);
    const pairs: Mutation[] = [];
    while (pairs.length < count) {
        const a = single[Math.floor(random() * single.length)]!;
        const b = single[Math.floor(random() * single.length)]!;
        if ([...topOf(a)].some((top) => topOf(b).has(top))) continue;
        pairs.push({
            title: `${a.title} + ${b.title}`,
            broken: [...a.broken, ...b.broken],
            apply: (inputs) => (a.apply(inputs), b.apply(inputs)),
        });
    }
    return pairs;
}

/** Every case: each field's faults, cross-field faults, outputs as inputs, misplaced secrets, pairs. */
export function fuzzCases(): FuzzCase[] {
    const fields = schemaFields(replicationArgsSchema).filter(
        (field) => field.path.length > 0 || field.type === "object",
    );
    const perFieldMutations = fields.flatMap((field) =>
        field.path.length === 0 ? unknownKeys(field as Extract<SchemaField, { type: "object" }>) : perField(field),
    );
    const single = [...perFieldMutations, ...outputsAsInputs, ...acrossFields, ...documentFaults, ...misplacedSecrets];
    const all = [...single, ...afterSchema, ...combinations(single, 80)];
    const cases = all.map(({ title, broken, apply }) => {
        const inputs = validInputs();
        apply(inputs);
        return { title, inputs, broken };
    });
    return [{ title: "empty arguments", inputs: {}, broken: ["primary", "secondary", "projectName"] }, ...cases];
}
