import type { ApiFamily } from "../../provider/contract";
import type { HostedResource } from "../config/hosted-resource";
import { ownEntry } from "../domain/own-entry";
import { findProject } from "../domain/projects";
import { httpErrors } from "../errors";
import { ensureTrained } from "../jobs/effects/ensure-trained";
import type { Predictor } from "../model/predictor";
import type { ResourceState } from "../state/state-schema";

/** What a runtime request names: a deployment's predictor, or which of project and deployment is missing. */
export type DeploymentLookup =
    | { readonly kind: "found"; readonly predictor: Predictor }
    | { readonly kind: "missing"; readonly what: "project" | "deployment"; readonly name: string };

/**
 * The predictor a deployment serves. Deployments made before the emulator had a runtime carry
 * none: they get their model's, trained now if need be, while that model is still the one deployed.
 */
export async function findDeployedPredictor(
    state: ResourceState,
    resource: HostedResource,
    family: ApiFamily,
    projectName: string,
    deploymentName: string,
): Promise<DeploymentLookup> {
    const project = findProject(state, family, projectName);
    if (project === undefined) {
        return { kind: "missing", what: "project", name: projectName };
    }
    const deployment = ownEntry(project.deployments, deploymentName);
    if (deployment === undefined) {
        return { kind: "missing", what: "deployment", name: deploymentName };
    }
    if (deployment.predictor === undefined) {
        const model = ownEntry(project.models, deployment.modelLabel);
        if (model?.modelId !== deployment.modelId) {
            throw httpErrors.internal(
                `The deployment "${deploymentName}" of the project "${projectName}" was made by an earlier emulator and its model has since been replaced; deploy again.`,
            );
        }
        deployment.predictor = (await ensureTrained(model, resource)).predictor;
    }
    return { kind: "found", predictor: deployment.predictor };
}
