import { randomUUID } from "node:crypto";
import { dayMs } from "./timestamps";

// .NET ticks (100 ns since 0001-01-01) of the Unix epoch.
const ticksAtUnixEpoch = 621355968000000000n;
const ticksPerMs = 10000n;

/**
 * Real job ids look like `4d37982f-fded-4c2c-afe3-15953b5919b6_637858368000000000`: a GUID and
 * the .NET ticks of the UTC day the job was created on.
 */
export function newJobId(nowMs: number): string {
    const dayStartMs = Math.floor(nowMs / dayMs) * dayMs;
    return `${randomUUID()}_${ticksAtUnixEpoch + BigInt(dayStartMs) * ticksPerMs}`;
}

/** Runtime text analysis job ids are plain GUIDs (the specs' `format: uuid`, as in their examples). */
export function newRuntimeJobId(): string {
    return randomUUID();
}

/**
 * Real model ids look like `model1-20220418T034749-299f45b8114849538c1a750b21b05a94`. The time part
 * uses a 12-hour clock: that model was trained at 15:47:49 (its lastTrainedDateTime) yet reads T034749.
 */
export function newModelId(label: string, trainedMs: number): string {
    const trained = new Date(trainedMs);
    const twoDigits = (value: number) => String(value).padStart(2, "0");
    const date = trained.toISOString().slice(0, 10).replaceAll("-", "");
    const hours12 = trained.getUTCHours() % 12;
    const time = `${twoDigits(hours12)}${twoDigits(trained.getUTCMinutes())}${twoDigits(trained.getUTCSeconds())}`;
    return `${label}-${date}T${time}-${randomUUID().replaceAll("-", "")}`;
}

/** Echoed as `apim-request-id`, as the service's gateway does, so logs can be correlated. */
export function newRequestId(): string {
    return randomUUID();
}
