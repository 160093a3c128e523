// The service writes date-times at two precisions; which field uses which is copied from the
// examples in the 2023-04-01 specs (see CONTRACT.md, section 3a). Dates (YYYY-MM-DD) stay strings.

export const secondMs = 1000;
export const dayMs = 24 * 60 * 60 * secondMs;

/** Jobs and their status URLs expire a week after creation (createdDateTime + 7 days in every example). */
export const jobLifetimeMs = 7 * dayMs;

/** Project and job timestamps: whole seconds, e.g. `2022-04-18T13:53:03Z`. */
export function formatDateTime(ms: number): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Model, deployment and training-phase timestamps: up to 7 fractional digits (.NET ticks, e.g.
 * `2022-04-18T15:47:49.4334381Z`), trailing zeros dropped as the service drops them: a time the
 * emulator knows to the millisecond reads `...49.43Z`, a whole second `...49Z`.
 */
export function formatPreciseDateTime(ms: number): string {
    return new Date(ms)
        .toISOString()
        .replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits === "" ? "Z" : `.${digits}Z`));
}

/** Project timestamps are stored at the precision they are shown with. */
export function floorToSecond(ms: number): number {
    return Math.floor(ms / secondMs) * secondMs;
}
