import type { Stack } from "@pulumi/pulumi/automation";
import type { BenchBed } from "./bench-bed";
import { timed } from "./measure";
import { countFigure, type Figure, infoFigure, ratioFigure, seconds } from "./figures";
import { median } from "./p1-one-replication";
import { ReplicaShapedResource, TrivialResource } from "./trivial-resource";
import type { FleetSettings } from "./fleet-program";

/** Previews of each kind, alternated so both see the same machine load; their medians are compared. */
const rounds = 3;

/**
 * P3: a preview of the fleet, in sync, against a preview of as many trivial dynamic resources:
 * the engine checks one resource at a time, so what a replica's check costs (a lookup of the
 * primary's project, which the run's first GET and then the primary's listing answer) is paid
 * once per replica, in line. The fleet first gets the `up` a
 * daily schedule applies: its checks keep what they read of the secondary's deployments, which
 * the previews then rely on (the preview right after a create reads them once more).
 *
 * A second yardstick registers what a replica registers but does nothing: the ratio against it
 * is what the provider adds; the rest is the SDK's and the engine's cost per property.
 */
export async function measureInSyncPreview(
    bed: BenchBed,
    fleet: { stack: Stack; settings: FleetSettings },
    size: number,
    log: (line: string) => void,
): Promise<Figure[]> {
    const trivial = await bed.openStack("p3-trivial", async () => {
        for (let index = 0; index < size; index++) new TrivialResource(`trivial-${index}`);
    });
    const shaped = await bed.openStack("p3-shaped", async () => {
        for (let index = 0; index < size; index++) {
            const name = `shaped-${index}`;
            new ReplicaShapedResource(name, { ...fleet.settings, projectName: name, deploymentName: "production" });
        }
    });
    await trivial.up({ parallel: size });
    await shaped.up({ parallel: size });
    const daily = await fleet.stack.up({ parallel: size });
    if (Object.keys(daily.summary.resourceChanges ?? {}).some((op) => op !== "same")) {
        throw new Error(`P3: the fleet is not in sync: ${JSON.stringify(daily.summary.resourceChanges)}`);
    }
    const [trivialMs, shapedMs, fleetMs, requests]: number[][] = [[], [], [], []];
    for (let round = 0; round < rounds; round++) {
        trivialMs.push((await timed(() => trivial.preview())).ms);
        shapedMs.push((await timed(() => shaped.preview())).ms);
        await bed.admin.clearRequests();
        const preview = await timed(() => fleet.stack.preview());
        fleetMs.push(preview.ms);
        requests.push((await bed.requests()).length);
        const changes = preview.result.changeSummary;
        if (Object.keys(changes).some((op) => op !== "same")) {
            throw new Error(`P3: the fleet is not in sync: ${JSON.stringify(changes)}`);
        }
    }
    log(
        `P3: previews of ${size} trivial resources ${trivialMs.map(seconds).join(", ")}; of ${size} replica-shaped ones ${shapedMs.map(seconds).join(", ")}; of the fleet ${fleetMs.map(seconds).join(", ")}`,
    );
    const [yardstick, sameShape, measured] = [median(trivialMs), median(shapedMs), median(fleetMs)];
    return [
        countFigure("P3", `in-sync preview of ${size}: requests per replica`, Math.max(...requests) / size, 1, true),
        ratioFigure(
            "P3",
            `in-sync preview of ${size}: wall / preview of ${size} trivial dynamic resources`,
            measured / yardstick,
            1.3,
            `medians of ${rounds}: ${seconds(measured)} / ${seconds(yardstick)}`,
        ),
        infoFigure(
            "P3",
            `  the same against ${size} do-nothing resources that register what a replica registers`,
            measured / sameShape,
            `${seconds(measured)} / ${seconds(sameShape)}: what the provider adds to the SDK's and engine's share`,
        ),
    ];
}
