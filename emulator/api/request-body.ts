import type { z } from "zod";
import { ContractError, parseContract, stringIndexTypeSchema } from "../../provider/contract";
import { httpErrors } from "../errors";
import type { EmulatorRequest } from "../http/messages";
import type { RouteContext } from "./route-context";

/** Whatever carries a request: an authoring or a runtime handler's context. */
interface WithRequest {
    readonly request: EmulatorRequest;
}

/** The JSON body, or a 400 the way the service words an empty or unparsable body. */
export function readJson(ctx: WithRequest): unknown {
    const text = ctx.request.body.toString("utf8");
    if (text.trim() === "") {
        throw httpErrors.emptyRequest();
    }
    try {
        return JSON.parse(text);
    } catch (error) {
        throw httpErrors.invalidBodyFormat(`The request body is not valid JSON: ${(error as Error).message}`);
    }
}

/** Validates with a contract schema; a mismatch is a 400 naming the field. */
export function validateBody<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
    try {
        return parseContract(schema, value, "request body");
    } catch (error) {
        if (error instanceof ContractError) {
            throw httpErrors.invalidParameter(error.path === "" ? "body" : error.path, error.message);
        }
        throw error;
    }
}

export function readBody<Schema extends z.ZodType>(ctx: WithRequest, schema: Schema): z.output<Schema> {
    return validateBody(schema, readJson(ctx));
}

/** A query parameter the operation requires (e.g. stringIndexType), or a 400 naming it. */
export function requiredQuery(ctx: RouteContext, name: string): string {
    const value = ctx.request.query.get(name);
    if (value === null || value === "") {
        throw httpErrors.invalidParameter(name, `The query parameter "${name}" is required.`);
    }
    return value;
}

/**
 * Offsets in files and results count UTF-16 code units. The CLU TypeSpec also lists Utf8CodeUnit and
 * Utf32CodeUnit, but the service uses UTF-16 only, so anything else is a 400.
 */
export function requireStringIndexType(ctx: RouteContext): void {
    const value = requiredQuery(ctx, "stringIndexType");
    if (!stringIndexTypeSchema.safeParse(value).success) {
        throw httpErrors.invalidParameter(
            "stringIndexType",
            `The query parameter "stringIndexType" must be Utf16CodeUnit, got "${value}".`,
        );
    }
}
