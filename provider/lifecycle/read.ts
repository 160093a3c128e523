import type * as pulumi from "@pulumi/pulumi";
import { observeReplica } from "../operations/observe-replica";
import { withObservation } from "./apply-replication";
import { clientFor, type TransportIo } from "./connections";
import { splitInternal } from "./internal-properties";
import { outputsOf } from "./outputs";
import { replicaNamesOf, type ReplicaState } from "./replica-state";

/**
 * Refresh: reports what the secondary holds now (project, models, deployments) with GETs only, so
 * drift such as a deleted deployment makes the next preview plan a redeploy.
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
    return { id, props: outputsOf(withObservation(state, seen), internal) };
}
