import type { Stack } from "@pulumi/pulumi/automation";
import type { BenchBed } from "./bench-bed";
import { syncedReplicas, timed } from "./measure";
import { type Figure, ratioFigure, seconds } from "./figures";
import { fleetProgram, type FleetSettings } from "./fleet-program";
import { type FleetProject, fleetProjects } from "./fleet-projects";
import { seedProjects } from "./seed-projects";

/** The client-side limiter as good as off: the most the inputs allow. */
const unlimited = { readsPerMinute: 10_000, writesPerMinute: 10_000 };

export interface CreatedFleet {
    figures: Figure[];
    stack: Stack;
    projects: FleetProject[];
    /** What every replica of the fleet was given besides its project. */
    settings: FleetSettings;
}

/**
 * P2, unthrottled: with 1-second jobs and no rate limits, the create of a fleet against the
 * create of one project, in the same bed. What a fleet adds is what runs one replica after
 * another: the engine's checks (one at a time, see README) and whatever the replicas contend
 * for (the emulator serves one request per resource at a time, on the same cores). The
 * replicas declare their kind, as a fleet's program can, which spares each check a GET.
 * The fleet stays created, in sync, for P3 and P5.
 */
export async function createFleet(bed: BenchBed, size: number, log: (line: string) => void): Promise<CreatedFleet> {
    // The one project is a CLU project, which the fleet's orchestration projects route to:
    // replicated first, it leaves the fleet's replicas independent of each other.
    const [solo] = fleetProjects(1, { prefix: "solo" });
    const projects = fleetProjects(size, { hub: solo!.name });
    const primary = { ...bed.resources.primary, storageConnectionString: bed.storageConnectionString };
    await seedProjects(primary, [solo!.file, ...projects.map((project) => project.file)]);
    await bed.admin.setJobTiming({ mode: "afterMs", ms: 1_000 });
    const settings: FleetSettings = { ...bed.resources, rateLimits: unlimited };

    const one = await bed.openStack("p2-one", fleetProgram([solo!], settings));
    const single = await timed(() => one.up());
    const stack = await bed.openStack("p2-fleet", fleetProgram(projects, settings));
    const fleet = await timed(() => stack.up({ parallel: size, continueOnError: true }).catch(() => undefined));
    const synced = await syncedReplicas(stack);
    if (synced !== size) throw new Error(`P2: only ${synced} of the fleet's ${size} replicas were created`);
    log(`P2: one project created in ${seconds(single.ms)}, the fleet of ${size} in ${seconds(fleet.ms)}`);
    const figures = [
        ratioFigure(
            "P2",
            `fleet of ${size} unthrottled, 1-second jobs: create of the fleet / create of 1`,
            fleet.ms / single.ms,
            2,
            `${seconds(fleet.ms)} / ${seconds(single.ms)}`,
        ),
    ];
    return { figures, stack, projects, settings };
}
