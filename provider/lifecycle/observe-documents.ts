import type { AuthoringClient } from "../client/authoring-client";
import type { ProjectMetadata } from "../contract";
import { contentIdOf, describeDocumentChanges, type DocumentContents } from "../plan/document-fingerprint";
import type { ExportedFile } from "../project-file/exported-file";
import { openBlobAccount } from "../storage/blob-account";
import { openSourceStorage } from "../storage/source-storage";
import { StorageError } from "../storage/storage-error";
import type { CheckFailure } from "./check-failures";
import type { PrimaryRevision, ReplicationArgs } from "./inputs";
import { operationContextFor } from "./operation-context-for";
import { exportPrimary } from "./project-exports";
import type { ResourceLog } from "./resource-log";

/** What observing the documents needs: the revision observed, and how it was observed. */
export interface DocumentsToObserve {
    args: ReplicationArgs;
    primary: AuthoringClient;
    details: ProjectMetadata;
    /** The revision `observeRevision` gave. */
    revision: PrimaryRevision;
    /** The revision the last check recorded (of the same project). */
    previous: PrimaryRevision | undefined;
    /** The primary's export, when `observeRevision` made one. */
    exported: Pick<ExportedFile, "documentLocations"> | undefined;
    log: ResourceLog;
}

/**
 * Adds the documents to the primary's revision: the content id of every document its labels
 * reference, from one listing of the primary's container (properties only, never content), so a
 * text changed on the primary is a pending resync that `preview --diff` names
 * (`documents ~1 (movies/plot-04.txt)`). The locations come from the export when one was made,
 * else from the last observation. When the primary's storage does not answer, the documents last
 * observed are kept, as the revision is during the primary's outage.
 */
export async function observeDocuments(
    observing: DocumentsToObserve,
): Promise<{ revision: PrimaryRevision } | { failures: CheckFailure[] }> {
    const { args, details, previous, log } = observing;
    const { documents: _previousDocuments, ...revision } = observing.revision;
    if (!args.documents) return { revision };
    const container = details.storageInputContainerName!;
    const sameAccount = sameAccountProblem(args.documents, container);
    if (sameAccount) return { failures: [sameAccount] };
    const locations = await referencedLocations(observing);
    const source = openSourceStorage(args.documents.source);
    let listed;
    try {
        listed = await source.list(container, locations);
    } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        if (error.problem === "unreachable" && previous?.documents) {
            log.warn(`the primary's storage cannot be read, keeping its documents as last observed: ${error.message}`);
            return { revision: { ...revision, documents: previous.documents } };
        }
        return { failures: [{ property: "documents.source", reason: storageFailureReason(error, container) }] };
    }
    const contents = Object.fromEntries(locations.map((location) => [location, contentIdOf(listed.get(location))]));
    const observed = { ...revision, documents: { container, contents } };
    return { revision: { ...observed, changes: changesOf(observed, previous, args.documents.copy) } };
}

/** Every document the primary's labels reference. */
async function referencedLocations(observing: DocumentsToObserve): Promise<string[]> {
    const { previous, revision, exported } = observing;
    if (exported) return [...exported.documentLocations];
    if (previous?.documents && previous.lastModifiedDateTime === revision.lastModifiedDateTime) {
        return Object.keys(previous.documents.contents);
    }
    // `documents` was just added to a replica whose primary did not move: its export says where they are.
    const { args, primary, details, log } = observing;
    // Kept for the update or create that follows, which imports it instead of exporting again.
    const file = await exportPrimary(primary, details, operationContextFor(args, "export", log));
    return [...file.documentLocations];
}

/**
 * What the revision changed, documents included: a changed text is named (`documents ~1 (...)`),
 * after the project's own changes if its content changed too; documents watched for the first
 * time say so; otherwise the project's summary stands.
 */
function changesOf(
    observed: PrimaryRevision & { documents: { contents: DocumentContents } },
    previous: PrimaryRevision | undefined,
    copy: boolean,
): string {
    const sameContent = previous !== undefined && previous.contentHash === observed.contentHash;
    if (!previous?.documents) {
        const count = Object.keys(observed.documents.contents).length;
        const how = copy ? "copied to the secondary's storage" : "watched";
        return sameContent && previous.lastModifiedDateTime === observed.lastModifiedDateTime
            ? `documents: the texts of ${count} documents are ${how} from now on`
            : observed.changes;
    }
    const texts = describeDocumentChanges(previous.documents.contents, observed.documents.contents);
    if (!texts) return observed.changes;
    return sameContent ? texts : `${observed.changes}; ${texts}`;
}

/** Copying a container onto itself would change nothing and hide a mistake in the inputs. */
function sameAccountProblem(
    documents: NonNullable<ReplicationArgs["documents"]>,
    container: string,
): CheckFailure | undefined {
    if (!documents.copy || !documents.target) return undefined;
    const urlOf = (access: typeof documents.source) => {
        const url = new URL(openBlobAccount(access).service.url);
        return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    };
    const sameContainer = (documents.container ?? container) === container;
    if (!sameContainer || urlOf(documents.source) !== urlOf(documents.target)) return undefined;
    return {
        property: "documents.target",
        reason: `is the storage account and container of documents.source ("${container}"): the secondary's own storage account is needed; for one shared account, set copy: false`,
    };
}

/** What a storage refusal means for the inputs, naming the container the primary project reads. */
function storageFailureReason(error: StorageError, container: string): string {
    switch (error.problem) {
        case "refused":
            return `${error.message}; give a credential that may list and read container "${container}" (with Microsoft Entra ID: Storage Blob Data Reader on it)`;
        case "missing":
            return `${error.message}; the primary project reads its documents from container "${container}": give the storage account linked to the primary resource`;
        default:
            return error.message;
    }
}
