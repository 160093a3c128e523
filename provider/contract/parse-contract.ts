import { z } from "zod";

/**
 * Raised when data crossing the wire does not match the contract. It names the field, because
 * "invalid response" alone sends the reader to a packet capture.
 */
export class ContractError extends Error {
    override readonly name = "ContractError";

    constructor(
        message: string,
        /** Dotted path of the first offending field, `""` for the value itself. */
        readonly path: string,
        readonly issues: readonly z.core.$ZodIssue[],
    ) {
        super(message);
    }
}

/** Parses `value` or throws a ContractError whose message starts with `what` (e.g. "job state"). */
export function parseContract<Schema extends z.ZodType>(
    schema: Schema,
    value: unknown,
    what: string,
): z.output<Schema> {
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) {
        return parsed.data;
    }
    const issues = parsed.error.issues;
    const { path, problem } = describe(innermost(issues[0]!));
    const field = path === "" ? "" : ` field "${path}":`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new ContractError(`${what}:${field} ${problem}${more}`, path, issues);
}

/**
 * A failed plain union reports only "Invalid input"; the closest alternative says more.
 * Closest: fewest problems, then the one that got deepest into the value.
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) {
        return issue;
    }
    const depth = (issues: z.core.$ZodIssue[]) => issues[0]?.path.length ?? 0;
    const closer = (a: z.core.$ZodIssue[], b: z.core.$ZodIssue[]) =>
        a.length < b.length || (a.length === b.length && depth(a) > depth(b));
    const closest = issue.errors.reduce((best, next) => (closer(next, best) ? next : best));
    const inner = innermost(closest[0]!);
    return { ...inner, path: [...issue.path, ...inner.path] };
}

function describe(issue: z.core.$ZodIssue): { path: string; problem: string } {
    switch (issue.code) {
        case "invalid_type":
            return {
                path: formatPath(issue.path),
                problem: `expected ${issue.expected}, received ${typeOf(issue.input)}`,
            };
        case "unrecognized_keys":
            return {
                path: formatPath([...issue.path, issue.keys[0]!]),
                problem: "unknown field (this body is strict)",
            };
        default:
            return { path: formatPath(issue.path), problem: issue.message };
    }
}

function formatPath(path: readonly PropertyKey[]): string {
    return path
        .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
        .join("");
}

function typeOf(input: unknown): string {
    if (input === null) return "null";
    if (Array.isArray(input)) return "array";
    return typeof input;
}
