import type { ErrorDetail } from "../../../provider/contract";
import type { HostedResource } from "../../config/hosted-resource";
import { jobErrors } from "../../errors";

/**
 * Custom text projects read their documents from a container of the resource's linked storage
 * account; without the account or the container, import and training fail and say which is missing.
 */
export async function checkInputContainer(resource: HostedResource, containerName: string): Promise<ErrorDetail[]> {
    if (resource.storage === undefined) {
        return [jobErrors.storageNotLinked(resource.name, containerName)];
    }
    const container = await resource.storage.findContainer(containerName);
    switch (container.kind) {
        case "found":
            return [];
        case "missing":
            return [jobErrors.containerNotFound(resource.name, resource.storage.accountName, containerName)];
        case "unreachable":
            return [jobErrors.storageUnreachable(resource.name, resource.storage.accountName, container.cause)];
    }
}
