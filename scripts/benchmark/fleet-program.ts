import { ReplicatedLanguageProject, type ReplicatedLanguageProjectArgs } from "../../provider";
import type { FleetProject } from "./fleet-projects";

/** What every replica of a fleet shares: the two resources and the provider's settings. */
export type FleetSettings = Pick<ReplicatedLanguageProjectArgs, "primary" | "secondary" | "rateLimits" | "polling">;

/**
 * A Pulumi program replicating a fleet: one ReplicatedLanguageProject per project, deployed as
 * `production` (declared, so the primaries need no deployment of their own), of the kind given
 * (or read from the primary), each orchestration replica depending on the replica of the CLU
 * project it routes to within the fleet.
 */
export function fleetProgram(
    projects: readonly (Pick<FleetProject, "name" | "routesTo"> & Partial<Pick<FleetProject, "kind">>)[],
    settings: FleetSettings,
): () => Promise<void> {
    return async () => {
        const replicas = new Map<string, ReplicatedLanguageProject>();
        for (const project of projects) {
            const target = project.routesTo ? replicas.get(project.routesTo) : undefined;
            const replica = new ReplicatedLanguageProject(
                project.name,
                {
                    ...settings,
                    projectName: project.name,
                    deploymentName: "production",
                    ...(project.kind && { projectKind: project.kind }),
                },
                { dependsOn: target ? [target] : [] },
            );
            replicas.set(project.name, replica);
        }
    };
}
