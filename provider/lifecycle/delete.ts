import { deleteReplica } from "../operations/delete-replica";
import { clientFor, type TransportIo } from "./connections";
import { splitInternal } from "./internal-properties";
import { operationContextFor } from "./operation-context-for";
import { replicaLabelOf, type ReplicaState } from "./replica-state";
import { resourceLog } from "./resource-log";

/**
 * Removes the replica's deployment and project from the secondary, or leaves them serving when
 * asked to retain; `io` as for create.
 */
export async function remove(_id: string, props: Record<string, unknown>, io: TransportIo = {}): Promise<void> {
    const { internal, rest } = splitInternal(props);
    const state = rest as unknown as ReplicaState;
    const log = resourceLog(internal.__urn, replicaLabelOf(state));
    try {
        if (state.onDelete === "retain") {
            log.info(`onDelete is "retain": the replica stays on ${state.secondaryEndpoint}`);
            return;
        }
        const secondary = clientFor(state.secondary, state.projectKind, state, io);
        const context = operationContextFor(state, "delete", log, io.clock);
        await deleteReplica(secondary, state.secondaryProjectName, state.deploymentName, context);
    } finally {
        await log.flushed();
    }
}
