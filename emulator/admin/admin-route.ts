import type { z } from "zod";
import { ContractError, parseContract } from "../../provider/contract";
import { adminErrors } from "../errors";
import type { EmulatorRequest, HttpResponse } from "../http/messages";
import type { LanguageService } from "../http/language-service";

/** What an admin handler works on: the service it controls. */
export interface AdminContext {
    readonly service: LanguageService;
}

/** One admin operation: method, path below `/_emulator`, handler. */
export interface AdminRoute {
    readonly method: string;
    readonly pattern: RegExp;
    readonly handle: (
        admin: AdminContext,
        request: EmulatorRequest,
        match: RegExpExecArray,
    ) => Promise<HttpResponse> | HttpResponse;
}

export const noContent: HttpResponse = { status: 204 };

/** The JSON body of an admin request, checked against its schema; a 400 naming the problem otherwise. */
export function readAdminBody<Schema extends z.ZodType>(request: EmulatorRequest, schema: Schema): z.output<Schema> {
    let json: unknown;
    try {
        json = JSON.parse(request.body.toString("utf8"));
    } catch (error) {
        throw adminErrors.badRequest(`The body is not valid JSON: ${(error as Error).message}`);
    }
    try {
        return parseContract(schema, json, "admin request body");
    } catch (error) {
        throw error instanceof ContractError ? adminErrors.badRequest(error.message) : error;
    }
}
