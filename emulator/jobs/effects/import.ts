import { familyOfKind, type ErrorDetail } from "../../../provider/contract";
import { findAssetProblems } from "../../domain/asset-checks";
import { emptyAssets, markModified } from "../../domain/projects";
import { floorToSecond } from "../../domain/timestamps";
import { jobErrors } from "../../errors";
import type { StoredJob } from "../../state/state-schema";
import type { JobEnvironment, OperationOf } from "../job-environment";
import { checkInputContainer } from "./input-container";

/**
 * Creates the project, or replaces the working copy of a same-name project of the same kind (its
 * models, deployments and creation time stay). Labels must reference declared categories, and a
 * text project's container must exist in the resource's linked storage.
 */
export async function runImport(
    job: StoredJob,
    operation: OperationOf<"import">,
    env: JobEnvironment,
): Promise<ErrorDetail[]> {
    const { metadata } = operation.file;
    const existing = env.state.projects[job.projectName];
    if (existing !== undefined && existing.metadata.projectKind !== metadata.projectKind) {
        return [
            jobErrors.conflict(
                `A ${existing.metadata.projectKind} project named "${job.projectName}" already exists in this resource.`,
            ),
        ];
    }
    const assets = structuredClone(operation.file.assets ?? emptyAssets(metadata.projectKind));
    const problems = findAssetProblems(assets);
    if (problems.length > 0) {
        return problems;
    }
    if (familyOfKind(metadata.projectKind) === "analyze-text") {
        const storageProblems = await checkInputContainer(env.resource, metadata.storageInputContainerName!);
        if (storageProblems.length > 0) {
            return storageProblems;
        }
    }
    if (existing === undefined) {
        env.state.projects[job.projectName] = {
            metadata: structuredClone(metadata),
            assets,
            createdMs: floorToSecond(env.now),
            lastModifiedMs: floorToSecond(env.now),
            models: {},
            deployments: {},
        };
    } else {
        existing.metadata = structuredClone(metadata);
        existing.assets = assets;
        markModified(existing, env.now);
    }
    return [];
}
