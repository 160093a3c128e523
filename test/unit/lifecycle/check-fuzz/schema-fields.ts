import { z } from "zod";

/** One field of an input schema, as the fuzz cases need it. */
export type SchemaField =
    | { path: string[]; required: boolean; type: "object"; keys: string[] }
    | { path: string[]; required: boolean; type: "string" }
    | { path: string[]; required: boolean; type: "boolean" }
    | { path: string[]; required: boolean; type: "number"; min: number; max: number; integer: boolean }
    | { path: string[]; required: boolean; type: "enum"; values: string[] };

/**
 * Every field of a zod object schema, depth first, with what can be learnt of it from the schema
 * itself: its type, whether it must be given, the keys of an object, the range of a number, the
 * values of an enum. Optional and default wrappers are looked through; a default makes a field
 * optional to the user.
 */
export function schemaFields(schema: z.ZodType, path: string[] = [], required = true): SchemaField[] {
    let inner = schema;
    let optional = !required;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
        optional = true;
        inner = inner.unwrap() as z.ZodType;
    }
    const base = { path, required: !optional };
    if (inner instanceof z.ZodObject) {
        const shape = inner.shape as Record<string, z.ZodType>;
        const own: SchemaField = { ...base, type: "object", keys: Object.keys(shape) };
        return [own, ...Object.entries(shape).flatMap(([key, field]) => schemaFields(field, [...path, key]))];
    }
    if (inner instanceof z.ZodString) return [{ ...base, type: "string" }];
    if (inner instanceof z.ZodBoolean) return [{ ...base, type: "boolean" }];
    if (inner instanceof z.ZodNumber) {
        const min = inner.minValue ?? Number.NEGATIVE_INFINITY;
        const max = inner.maxValue ?? Number.POSITIVE_INFINITY;
        return [{ ...base, type: "number", min, max, integer: inner.isInt }];
    }
    if (inner instanceof z.ZodEnum) return [{ ...base, type: "enum", values: inner.options.map(String) }];
    throw new Error(`the fuzz cases do not know the schema of ${path.join(".")} yet: ${inner.constructor.name}`);
}
