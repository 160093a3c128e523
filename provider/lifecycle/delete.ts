import { deleteReplica } from "../operations/delete-replica";
import { clientFor } from "./connections";
import { operationContextFor } from "./operation-context-for";
import type { ReplicaState } from "./replica-state";

/** Removes the replica's deployment and project from the secondary, or leaves them serving when asked to retain. */
export async function remove(_id: string, props: Record<string, unknown>): Promise<void> {
    const state = props as unknown as ReplicaState;
    const label = `${state.projectName} -> ${state.secondaryProjectName}`;
    const context = operationContextFor(state, "delete", label);
    if (state.onDelete === "retain") {
        context.log(`onDelete is "retain": the replica stays on ${state.secondaryEndpoint}`);
        return;
    }
    const secondary = clientFor(state.secondary, state.projectKind, state);
    await deleteReplica(secondary, state.secondaryProjectName, state.deploymentName, context);
}
