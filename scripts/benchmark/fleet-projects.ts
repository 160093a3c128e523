import type { ExportedProject, ProjectKind } from "../../provider/contract";
import { sampleProjects } from "../../stacks/local/samples";

/** One project of a fleet: its file, and the fleet project it routes to (orchestration only). */
export interface FleetProject {
    name: string;
    kind: ProjectKind;
    file: ExportedProject;
    routesTo?: string;
}

/** The sample of each kind, in the order a fleet cycles through them: CLU first, as orchestration routes to it. */
const kinds = ["clu", "orchestrator", "tickets", "genres", "contracts"] as const;

/**
 * `count` projects of all five kinds, in turn: copies of the local stack's samples under names
 * of their own (`fleet-clu-0`, `fleet-orchestrator-1`, ...). Each orchestration project routes
 * to the CLU project just before it, whose replica it then depends on, as in a real fleet; or,
 * given a `hub`, to that CLU project, replicated beforehand (a shared project other stacks
 * replicate), so the fleet's replicas are independent of each other. Text projects keep the
 * samples' documents, uploaded once. Deterministic: the same arguments give the same fleet.
 */
export function fleetProjects(count: number, options: { prefix?: string; hub?: string } = {}): FleetProject[] {
    const projects: FleetProject[] = [];
    for (let index = 0; index < count; index++) {
        const kind = kinds[index % kinds.length]!;
        const sample = sampleProjects[index % kinds.length]!;
        const name = `${options.prefix ?? "fleet"}-${kind}-${index}`;
        const target = kind === "orchestrator" ? (options.hub ?? projects[index - 1]!.name) : undefined;
        const file = renamed(sample.file, name, target);
        const projectKind = file.metadata.projectKind;
        projects.push({ name, kind: projectKind, file, ...(target && !options.hub && { routesTo: target }) });
    }
    return projects;
}

/** A sample's file under another name; an orchestration's conversation targets renamed too. */
function renamed(file: ExportedProject, name: string, target: string | undefined): ExportedProject {
    const copy = structuredClone(file);
    copy.metadata.projectName = name;
    if (target && copy.assets?.projectKind === "Orchestration") {
        for (const intent of copy.assets.intents ?? []) {
            if (intent.orchestration?.targetProjectKind === "Conversation") {
                intent.orchestration.conversationOrchestration.projectName = target;
            }
        }
    }
    return copy;
}
