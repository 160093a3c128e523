import type { Stack } from "@pulumi/pulumi/automation";
import type { BenchBed } from "./bench-bed";
import { timed } from "./measure";
import { countFigure, type Figure, ratioFigure, seconds } from "./figures";
import { median } from "./p1-one-replication";
import { TrivialResource } from "./trivial-resource";

/** Previews of each kind, alternated so both see the same machine load; their medians are compared. */
const rounds = 3;

/**
 * P3: a preview of the fleet, in sync, against a preview of as many trivial dynamic resources:
 * the engine checks and diffs one resource at a time, so what a replica's check costs (one GET of
 * the primary's project, nothing else) is paid once per replica. The fleet first gets the `up` a
 * daily schedule applies: its checks keep what they read of the secondary's deployments, which
 * the previews then rely on (the preview right after a create reads them once more).
 */
export async function measureInSyncPreview(
    bed: BenchBed,
    fleet: Stack,
    size: number,
    log: (line: string) => void,
): Promise<Figure[]> {
    const trivial = await bed.openStack("p3-trivial", async () => {
        for (let index = 0; index < size; index++) new TrivialResource(`trivial-${index}`);
    });
    await trivial.up({ parallel: size });
    const daily = await fleet.up({ parallel: size });
    if (Object.keys(daily.summary.resourceChanges ?? {}).some((op) => op !== "same")) {
        throw new Error(`P3: the fleet is not in sync: ${JSON.stringify(daily.summary.resourceChanges)}`);
    }
    const [trivialMs, fleetMs, requests]: number[][] = [[], [], []];
    for (let round = 0; round < rounds; round++) {
        trivialMs.push((await timed(() => trivial.preview())).ms);
        await bed.admin.clearRequests();
        const preview = await timed(() => fleet.preview());
        fleetMs.push(preview.ms);
        requests.push((await bed.requests()).length);
        const changes = preview.result.changeSummary;
        if (Object.keys(changes).some((op) => op !== "same")) {
            throw new Error(`P3: the fleet is not in sync: ${JSON.stringify(changes)}`);
        }
    }
    log(
        `P3: previews of ${size} trivial resources ${trivialMs.map(seconds).join(", ")}; of the fleet ${fleetMs.map(seconds).join(", ")}`,
    );
    const [yardstick, measured] = [median(trivialMs), median(fleetMs)];
    return [
        countFigure("P3", `in-sync preview of ${size}: requests per replica`, Math.max(...requests) / size, 1, true),
        ratioFigure(
            "P3",
            `in-sync preview of ${size}: wall / preview of ${size} trivial dynamic resources`,
            measured / yardstick,
            1.3,
            `medians of ${rounds}: ${seconds(measured)} / ${seconds(yardstick)}`,
        ),
    ];
}
