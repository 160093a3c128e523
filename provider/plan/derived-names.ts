import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { ModelIdentity } from "./model-identity";

/** Labels and deployment names: at most 50 characters (Learn "service limits", naming limits). */
const maxNameLength = 50;
const hashLength = 8;
const stagingSuffix = "-staging";

/**
 * The label a model of this identity is trained under: `<modelLabel>-<8 hex of its identity>`, so
 * a new training never replaces the model that serves, and the label itself says what it holds.
 * A base too long for the suffix is cut.
 */
export function candidateLabelOf(modelLabel: string, identity: ModelIdentity): string {
    const hash = createHash("sha256").update(canonicalJson(identity)).digest("hex").slice(0, hashLength);
    return `${modelLabel.slice(0, maxNameLength - hashLength - 1)}-${hash}`;
}

/** Whether a label is this replica's: the base label itself (as trained before candidates) or one of its candidates. */
export function isReplicaModel(modelLabel: string, label: string): boolean {
    const base = modelLabel.slice(0, maxNameLength - hashLength - 1);
    return label === modelLabel || new RegExp(`^${escaped(base)}-[0-9a-f]{${hashLength}}$`).test(label);
}

/** Where a candidate is deployed to be checked before it is swapped into the serving deployment. */
export function stagingDeploymentNameOf(deploymentName: string): string {
    return `${deploymentName.slice(0, maxNameLength - stagingSuffix.length)}${stagingSuffix}`;
}

function escaped(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
