import {
    supportedApiVersions,
    type ApiVersion,
    type ProjectKind,
    type TrainingConfigVersion,
} from "../../provider/contract";

/** One training configuration version: the kinds it trains, the api-versions that list it. */
interface CatalogueEntry extends TrainingConfigVersion {
    readonly kinds: readonly ProjectKind[];
    readonly apiVersions: readonly ApiVersion[];
    /** What `"latest"` (the value the service accepts in place of a version) resolves to. */
    readonly latest?: true;
}

const textKinds: readonly ProjectKind[] = [
    "CustomSingleLabelClassification",
    "CustomMultiLabelClassification",
    "CustomEntityRecognition",
];
const textVersions = supportedApiVersions["analyze-text"];
const conversationVersions = supportedApiVersions["analyze-conversations"];

/**
 * Sources: Learn "Model lifecycle", custom features (CLU 2022-09-01 expiring 2025-08-26;
 * orchestration 2022-09-01, custom NER and text classification 2022-05-01 expiring 2025-10-22;
 * CLU 2022-05-01 expired 2022-10-28, so it is no longer listed), and the service itself (issue 12:
 * CLU training accepts 2023-04-15, and the previews list `2025-05-15-preview-ConvLevel`).
 * Learn says the dates of the latest versions are extended while no newer version exists, and the
 * service still trains with them, so the emulator lists them two years later than published.
 * Unverified: the expiry of 2023-04-15 and of the ConvLevel version (the emulator gives them the
 * latest version's), and which api-versions list the ConvLevel version (the previews from
 * 2025-05-15-preview, whose name it bears). A deployment expires 12 months after its model.
 */
const catalogue: readonly CatalogueEntry[] = [
    {
        kinds: ["Conversation"],
        trainingConfigVersion: "2022-09-01",
        modelExpirationDate: "2027-08-26",
        apiVersions: conversationVersions,
        latest: true,
    },
    {
        kinds: ["Conversation"],
        trainingConfigVersion: "2023-04-15",
        modelExpirationDate: "2027-08-26",
        apiVersions: conversationVersions,
    },
    {
        kinds: ["Conversation"],
        trainingConfigVersion: "2025-05-15-preview-ConvLevel",
        modelExpirationDate: "2027-08-26",
        apiVersions: ["2025-05-15-preview", "2025-11-15-preview"],
    },
    {
        kinds: ["Orchestration"],
        trainingConfigVersion: "2022-09-01",
        modelExpirationDate: "2027-10-22",
        apiVersions: conversationVersions,
        latest: true,
    },
    {
        kinds: textKinds,
        trainingConfigVersion: "2022-05-01",
        modelExpirationDate: "2027-10-22",
        apiVersions: textVersions,
        latest: true,
    },
];

/** What `global/training-config-versions` lists for a kind at an api-version. */
export function trainingConfigsOf(kind: ProjectKind, apiVersion: ApiVersion): TrainingConfigVersion[] {
    return catalogue
        .filter((entry) => entry.kinds.includes(kind) && entry.apiVersions.includes(apiVersion))
        .map(({ trainingConfigVersion, modelExpirationDate }) => ({ trainingConfigVersion, modelExpirationDate }));
}

/** A version the api-version lists for the kind, or the latest one for `"latest"`. */
export function findTrainingConfig(
    kind: ProjectKind,
    apiVersion: ApiVersion,
    requested: string,
): TrainingConfigVersion | undefined {
    const entry = catalogue.find(
        (candidate) =>
            candidate.kinds.includes(kind) &&
            candidate.apiVersions.includes(apiVersion) &&
            (requested === "latest" ? candidate.latest === true : candidate.trainingConfigVersion === requested),
    );
    return entry === undefined
        ? undefined
        : { trainingConfigVersion: entry.trainingConfigVersion, modelExpirationDate: entry.modelExpirationDate };
}

export function deploymentExpirationDate(modelExpirationDate: string): string {
    const date = new Date(`${modelExpirationDate}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() + 1);
    return date.toISOString().slice(0, 10);
}
