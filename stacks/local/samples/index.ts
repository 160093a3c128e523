import type { SampleProject } from "./sample-project";
import { contractEntities, movieGenres, supportTickets } from "./text-projects";
import { travelClu } from "./travel-clu";
import { travelOrchestrator } from "./travel-orchestrator";

export * from "./sample-project";

/** One project of every kind; the orchestration routes to the CLU project, so it comes after it. */
export const sampleProjects: readonly SampleProject[] = [
    travelClu,
    travelOrchestrator,
    supportTickets,
    movieGenres,
    contractEntities,
];
