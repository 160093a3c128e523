import { documentsHashOf, heldContentOf } from "../plan/document-fingerprint";
import type { DesiredReplica } from "../plan/replica-facts";
import type { ListedBlob } from "../storage/list-blobs";
import { StorageError } from "../storage/storage-error";
import { openTargetStorage } from "../storage/target-storage";
import type { CheckedInputs } from "./inputs";
import type { StorageAccess } from "./storage-access-input";

/** What the secondary's storage holds of a replica's documents, as outputs show it. */
export interface SecondaryDocuments {
    /** The storage account's name. */
    account: string;
    /** The container the documents are copied to. */
    container: string;
    /** By location: the content id of the source the copy holds, or `missing` (see `heldContentOf`). */
    held: Record<string, string>;
    /** The container the secondary project reads its documents from (its storageInputContainerName). */
    projectContainer?: string;
}

/** The container of the secondary's storage the documents go to, when they are copied. */
export function targetContainerOf(inputs: Pick<CheckedInputs, "documents" | "primaryRevision">): string | undefined {
    const observed = inputs.primaryRevision.documents;
    if (!inputs.documents?.copy || !observed) return undefined;
    return inputs.documents.container ?? observed.container;
}

/** The documents the secondary's container must hold, for the planner; undefined unless copied. */
export function desiredDocumentsOf(inputs: CheckedInputs): DesiredReplica["documents"] {
    const observed = inputs.primaryRevision.documents;
    const container = targetContainerOf(inputs);
    if (!observed || container === undefined) return undefined;
    return { container, sourceContainer: observed.container, contents: observed.contents };
}

/**
 * The documents' part of a model's identity: their texts live in storage, not in the exported
 * content, so a changed text makes a new candidate. Copied or only watched, it is the same.
 */
export function documentsIdentityOf(inputs: CheckedInputs): { documents?: string } {
    const observed = inputs.primaryRevision.documents;
    return inputs.documents && observed ? { documents: documentsHashOf(observed.contents) } : {};
}

/** The metadata imported into the secondary: its documents are read from the container they were copied to. */
export function importedMetadataOf<Metadata extends object>(metadata: Metadata, inputs: CheckedInputs): Metadata {
    const container = targetContainerOf(inputs);
    if (container === undefined) return metadata;
    return { ...metadata, storageInputContainerName: container };
}

/**
 * The secondary's exported metadata as the primary would have written it: a replica whose
 * documents were copied to another container names that one, which is no difference of content.
 */
export function asPrimaryMetadata<Metadata extends object>(metadata: Metadata, inputs: CheckedInputs): Metadata {
    const sourceContainer = inputs.primaryRevision.documents?.container;
    if (targetContainerOf(inputs) === undefined || sourceContainer === undefined) return metadata;
    return { ...metadata, storageInputContainerName: sourceContainer };
}

/**
 * Lists what the secondary's container holds of `wanted` (location -> content id), with one
 * listing and no content read: for planning an apply, and for refresh, where a document deleted
 * on the secondary then shows as `missing`. A document never copied there and absent is left out,
 * so the plan can tell "not copied yet" from "missing on the secondary".
 */
export async function observeSecondaryDocuments(
    access: StorageAccess,
    container: string,
    wanted: Readonly<Record<string, string>>,
    known: ReadonlySet<string>,
    projectContainer: string | undefined,
): Promise<SecondaryDocuments> {
    const target = openTargetStorage(access);
    // A container not made yet holds nothing; the copy creates it.
    const listed = await target.list(container, Object.keys(wanted)).catch((error: unknown) => {
        if (error instanceof StorageError && error.code === "ContainerNotFound") return new Map<string, ListedBlob>();
        throw error;
    });
    const held = Object.fromEntries(
        Object.entries(wanted)
            .filter(([location]) => listed.has(location) || known.has(location))
            .map(([location, content]) => [location, heldContentOf(listed.get(location), content)]),
    );
    return { account: target.name, container, held, ...(projectContainer && { projectContainer }) };
}

/**
 * The state's record of the secondary's storage for an apply: when documents are copied, its
 * access (a secret output, for refresh) and what its container holds now, observed like the
 * secondary's project; otherwise neither.
 */
export async function withDocumentsObserved<State extends DocumentsState>(
    state: State,
    inputs: CheckedInputs,
    projectContainer: string | undefined,
): Promise<State> {
    const { secondaryStorage: _storage, secondaryDocuments: _documents, ...rest } = state;
    const container = targetContainerOf(inputs);
    const observed = inputs.primaryRevision.documents;
    if (container === undefined || !observed) return rest as State;
    const target = inputs.documents!.target!;
    const before = state.secondaryDocuments;
    const known = new Set(before?.container === container ? Object.keys(before.held) : []);
    return {
        ...rest,
        secondaryStorage: target,
        secondaryDocuments: await observeSecondaryDocuments(
            target,
            container,
            observed.contents,
            known,
            projectContainer,
        ),
    } as State;
}

/** The part of the state about the secondary's storage. */
interface DocumentsState {
    secondaryStorage?: StorageAccess;
    secondaryDocuments?: SecondaryDocuments;
}
