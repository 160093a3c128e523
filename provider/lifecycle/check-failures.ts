import { z } from "zod";
import { closestOption } from "./did-you-mean";
import { outputOnlyNames, providerKeptNames } from "./property-names";

/** A check failure as the engine shows it: the property path and what to do about it. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/**
 * Turns zod issues of the inputs into failures that name the field and the fix. `schema` is the
 * one that raised them: it tells which options an object has, for "did you mean" and for
 * saying what shape was expected. The messages written here never repeat an input value.
 */
export function failuresOf(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): CheckFailure[] {
    return issues.flatMap((issue): CheckFailure[] => {
        const path = issue.path.map(String);
        const property = path.join(".");
        switch (issue.code) {
            case "unrecognized_keys": {
                const options = optionsAt(schema, path);
                return issue.keys.map((key) => ({
                    property: [...path, key].join("."),
                    reason: unknownOptionReason(key, path.length === 0, options),
                }));
            }
            case "invalid_type":
                return [{ property, reason: wrongTypeReason(issue, optionsAt(schema, path)) }];
            case "invalid_value":
                return [
                    { property, reason: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` },
                ];
            default:
                return [{ property, reason: issue.message }];
        }
    });
}

/** The options of the object at `path` (optional ones marked `?`), or undefined if it is no object. */
function optionsAt(schema: z.ZodType, path: readonly string[]): string[] | undefined {
    let current: z.ZodType | undefined = unwrapped(schema);
    for (const key of path) {
        current = current instanceof z.ZodObject ? unwrapped(current.shape[key]) : undefined;
    }
    if (!(current instanceof z.ZodObject)) return undefined;
    return Object.entries(current.shape as Record<string, z.ZodType>).map(([key, field]) =>
        field instanceof z.ZodOptional || field instanceof z.ZodDefault ? `${key}?` : key,
    );
}

function unwrapped(schema: z.ZodType | undefined): z.ZodType | undefined {
    let current = schema;
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
        current = current.unwrap() as z.ZodType;
    }
    return current;
}

function unknownOptionReason(key: string, topLevel: boolean, options: string[] | undefined): string {
    const quoted = JSON.stringify(key);
    if (topLevel && (outputOnlyNames as readonly string[]).includes(key)) {
        return `${quoted} is an output of ReplicatedLanguageProject, set by the provider; remove it from the inputs and read the resource's ${key} output instead`;
    }
    if (topLevel && (providerKeptNames as readonly string[]).includes(key)) {
        return `${quoted} is kept by the provider itself; remove it from the inputs`;
    }
    const names = (options ?? []).map((option) => option.replace(/\?$/, ""));
    const closest = closestOption(key, names);
    if (closest) return `${quoted} is not an option here; did you mean "${closest}"?`;
    return `${quoted} is not an option here; the options are ${names.map((name) => `"${name}"`).join(", ")}`;
}

function wrongTypeReason(issue: z.core.$ZodIssueInvalidType, options: string[] | undefined): string {
    if (issue.input === undefined) return "is required";
    // zod reports a fraction where a whole number belongs as a wrong type (anything that is no
    // finite number fails as expected "number" first); the schema's words are better.
    if (issue.expected === "int") return issue.message;
    const given = describe(issue.input);
    if (issue.expected === "object" && options) return `must be an object { ${options.join(", ")} }, not ${given}`;
    const expected = { array: "an array", object: "an object" }[issue.expected as string];
    return `must be ${expected ?? `a ${issue.expected}`}, not ${given}`;
}

/** What kind of value was given, never the value itself: it may be a secret in the wrong place. */
function describe(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
}
