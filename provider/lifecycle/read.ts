import type * as pulumi from "@pulumi/pulumi";
import { observeReplica } from "../operations/observe-replica";
import { withObservation } from "./apply-replication";
import { clientFor, type TransportIo } from "./connections";
import { splitInternal } from "./internal-properties";
import { outputsOf } from "./outputs";
import { observeSecondaryDocuments } from "./replica-documents";
import { replicaNamesOf, type ReplicaState } from "./replica-state";

/**
 * Refresh: reports what the secondary holds now (project, models, deployments, and the documents
 * copied to its storage) with GETs and one listing only, so drift such as a deleted deployment or
 * a deleted document makes the next preview plan a redeploy or a copy.
 */
export async function read(
    id: string,
    props: Record<string, unknown>,
    io: TransportIo = {},
): Promise<pulumi.dynamic.ReadResult> {
    const { internal, rest } = splitInternal(props);
    const state = rest as unknown as ReplicaState;
    const secondary = clientFor(state.secondary, state.projectKind, state, io);
    const staging = state.stagingDeployment?.name;
    const names = replicaNamesOf({ ...state, ...(staging && { stagingDeploymentName: staging }) });
    const seen = await observeReplica(secondary, state.secondaryProjectName, names);
    const observed = withObservation(state, seen);
    const documents = state.secondaryDocuments;
    if (documents && state.secondaryStorage) {
        const projectContainer = seen.project?.storageInputContainerName;
        observed.secondaryDocuments = await observeSecondaryDocuments(
            state.secondaryStorage,
            documents.container,
            documents.held,
            new Set(Object.keys(documents.held)),
            projectContainer,
        );
    }
    return { id, props: outputsOf(observed, internal) };
}
