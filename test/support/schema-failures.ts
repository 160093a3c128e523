import type { z } from "zod";
import { type CheckFailure, failuresOf } from "../../provider/lifecycle/check-failures";

/** The failures `check` would report for a value of one input schema, as the user reads them. */
export function failuresFor(schema: z.ZodType, value: unknown): CheckFailure[] {
    // As check parses: with the input on each issue, which the reasons describe (never repeat).
    const parsed = schema.safeParse(value, { reportInput: true });
    return parsed.success ? [] : failuresOf(parsed.error.issues, schema);
}

/** The reasons given for one property, in order. */
export function reasonsAt(schema: z.ZodType, value: unknown, property: string): string[] {
    return failuresFor(schema, value)
        .filter((failure) => failure.property === property)
        .map((failure) => failure.reason);
}
