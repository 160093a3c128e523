import type { Stack } from "@pulumi/pulumi/automation";
import type { BenchBed } from "./bench-bed";
import { count, jobTriggers } from "./measure";
import { countFigure, type Figure } from "./figures";
import type { FleetProject } from "./fleet-projects";

/** Projects saved without a change. */
const touched = 10;

/**
 * P5, what a change costs in the service's billed and throttled calls: saving projects in
 * Language Studio without changing them imports and trains nothing; editing one exports its
 * primary once, imports once and trains once. Counted from the emulator's request log.
 */
export async function measureCost(
    bed: BenchBed,
    fleet: Stack,
    projects: readonly FleetProject[],
    log: (line: string) => void,
): Promise<Figure[]> {
    const saved = projects.slice(0, touched);
    for (const project of saved) await bed.admin.editProject("primary", project.name, { op: "touch" });
    await bed.admin.clearRequests();
    await fleet.up({ parallel: projects.length });
    const afterSave = await bed.requests("secondary");

    const edited = projects.find((project) => project.file.metadata.projectKind === "Conversation")!;
    await bed.admin.editProject("primary", edited.name, {
        op: "addUtterance",
        utterance: { text: "book me a flight to Lisbon tomorrow", intent: "BookFlight" },
    });
    await bed.admin.clearRequests();
    await fleet.up({ parallel: projects.length });
    const afterEdit = await bed.requests();
    const exports = count(afterEdit, { resource: "primary", method: "POST", path: jobTriggers.export });
    log(`P5: ${saved.length} projects saved unchanged, then "${edited.name}" edited`);
    return [
        countFigure(
            "P5",
            `save without changes on ${saved.length}: imports`,
            count(afterSave, { method: "POST", path: jobTriggers.import }),
            0,
        ),
        countFigure(
            "P5",
            `save without changes on ${saved.length}: trainings`,
            count(afterSave, { method: "POST", path: jobTriggers.train }),
            0,
        ),
        countFigure("P5", "content edit on 1: exports of the primary", exports, 1),
        countFigure(
            "P5",
            "content edit on 1: imports",
            count(afterEdit, { method: "POST", path: jobTriggers.import }),
            1,
        ),
        countFigure(
            "P5",
            "content edit on 1: trainings",
            count(afterEdit, { method: "POST", path: jobTriggers.train }),
            1,
        ),
    ];
}
