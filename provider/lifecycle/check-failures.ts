import type { z } from "zod";

/** A check failure as the engine shows it: the property path and what to do about it. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** Turns zod issues of the inputs into failures that name the field and the fix. */
export function failuresOf(error: z.ZodError): CheckFailure[] {
    return error.issues.map((issue) => {
        const path = issue.path.map(String);
        if (issue.code === "unrecognized_keys") {
            const keys = issue.keys.map((key) => `"${key}"`).join(", ");
            return {
                property: [...path, issue.keys[0]!].join("."),
                reason: `${keys} is not an option here; check the spelling`,
            };
        }
        if (issue.code === "invalid_type" && issue.input === undefined) {
            return { property: path.join("."), reason: "is required" };
        }
        return { property: path.join("."), reason: issue.message };
    });
}
