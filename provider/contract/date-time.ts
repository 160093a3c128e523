import { z } from "zod";

// Seconds precision on project timestamps, 7 fractional digits (.NET ticks) on model/deployment ones.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Kept as the wire string, not a Date: `lastModifiedDateTime` is compared verbatim for drift
 * and a Date would drop the 7th fractional digit the service sends.
 */
export const dateTimeSchema = z
    .string()
    .regex(isoDateTime, { message: "expected an ISO 8601 date-time with 0 to 7 fractional digits" });
export type DateTime = z.infer<typeof dateTimeSchema>;

/** Expiration dates (models, deployments, training configs) are calendar days without a time. */
export const dateOnlySchema = z.iso.date({ message: "expected a date as YYYY-MM-DD" });
export type DateOnly = z.infer<typeof dateOnlySchema>;
