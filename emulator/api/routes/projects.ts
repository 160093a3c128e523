import {
    checkProjectName,
    createProjectOptionsSchemaWith,
    familyOfKind,
    type ApiFamily,
    type CreateProjectOptions,
} from "../../../provider/contract";
import { applyMergePatch, isPlainObject } from "../../domain/merge-patch";
import { emptyAssets, markModified } from "../../domain/projects";
import { floorToSecond } from "../../domain/timestamps";
import { httpErrors } from "../../errors";
import { ok, type HttpResponse } from "../../http/messages";
import type { StoredProject } from "../../state/state-schema";
import { pageOf } from "../paging";
import { renderProjectMetadata } from "../render/project-metadata";
import { readJson, validateBody } from "../request-body";
import { accepted, param, requireProject, type RouteContext } from "../route-context";

const mergePatchMediaType = "application/merge-patch+json";

// Fields PATCH cannot change once the project exists. Unverified: the CLU TypeSpec marks every
// field read/create, yet Language Studio edits description, multilingual and settings; identity,
// language and the document container are what it never lets a user change.
const immutableFields = ["projectKind", "projectName", "language", "storageInputContainerName"] as const;

const optionFields = [
    "projectKind",
    "projectName",
    "language",
    "multilingual",
    "description",
    "settings",
    "storageInputContainerName",
] as const;

/**
 * How each family answers a PATCH that creates the project (observed on the service, issue 12):
 * text says 201 Created with the project's URL in `Location`; conversations says 200, as for an
 * update. Unverified: whether Location carries the api-version (the emulator's does, like
 * every URL it hands out).
 */
const createdAnswers: Readonly<Record<ApiFamily, { readonly status: 200 | 201; readonly location: boolean }>> = {
    "analyze-text": { status: 201, location: true },
    "analyze-conversations": { status: 200, location: false },
};

/** Newest first, as in the service's ListProjects example. */
export function listProjects(ctx: RouteContext): HttpResponse {
    const projects = Object.values(ctx.state.projects)
        .filter((project) => familyOfKind(project.metadata.projectKind) === ctx.family)
        .sort((a, b) => b.createdMs - a.createdMs);
    return ok(pageOf(ctx, projects.map(renderProjectMetadata)));
}

export function getProject(ctx: RouteContext): HttpResponse {
    return ok(renderProjectMetadata(requireProject(ctx)));
}

/** Merge-patch: the family's created answer with the new project, or 200 with the updated one. */
export function patchProject(ctx: RouteContext): HttpResponse {
    const projectName = param(ctx, "projectName");
    const nameProblem = checkProjectName(projectName);
    if (nameProblem !== undefined) {
        throw httpErrors.invalidParameter("projectName", nameProblem);
    }
    const contentType = ctx.request.headers["content-type"] ?? "";
    if (contentType.split(";")[0]!.trim().toLowerCase() !== mergePatchMediaType) {
        throw httpErrors.unsupportedMediaType(mergePatchMediaType, contentType);
    }
    const patch = readJson(ctx);
    if (!isPlainObject(patch)) {
        throw httpErrors.invalidParameter("body", "The request body must be a JSON object.");
    }
    const existing = ctx.state.projects[projectName];
    if (existing !== undefined && familyOfKind(existing.metadata.projectKind) !== ctx.family) {
        throw httpErrors.conflict(
            `A ${existing.metadata.projectKind} project named "${projectName}" already exists in this resource; project names are unique across all project kinds.`,
        );
    }
    return existing === undefined ? createProject(ctx, projectName, patch) : updateProject(ctx, existing, patch);
}

export async function deleteProject(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    return accepted(ctx, await ctx.jobs.start(project.metadata.projectName, { kind: "deleteProject" }));
}

function createProject(ctx: RouteContext, projectName: string, patch: Record<string, unknown>): HttpResponse {
    const options = checkOptions(ctx, projectName, applyMergePatch({}, patch));
    const createdMs = floorToSecond(ctx.now);
    const project: StoredProject = {
        metadata: options,
        assets: emptyAssets(options.projectKind),
        createdMs,
        lastModifiedMs: createdMs,
        models: {},
        deployments: {},
    };
    ctx.state.projects[projectName] = project;
    const { status, location } = createdAnswers[ctx.family];
    return {
        status,
        ...(location ? { headers: { Location: `${ctx.endpoint}${ctx.path}?api-version=${ctx.apiVersion}` } } : {}),
        body: renderProjectMetadata(project),
    };
}

function updateProject(ctx: RouteContext, project: StoredProject, patch: Record<string, unknown>): HttpResponse {
    const merged = applyMergePatch(project.metadata, patch) as Record<string, unknown>;
    // Fields an imported file brought that this API does not know are kept, but not re-validated.
    const known = Object.fromEntries(
        optionFields.filter((field) => field in merged).map((field) => [field, merged[field]]),
    );
    checkOptions(ctx, project.metadata.projectName, { ...known, ...unknownFieldsOf(patch) });
    for (const field of immutableFields) {
        if (JSON.stringify(merged[field]) !== JSON.stringify(project.metadata[field])) {
            throw httpErrors.invalidParameter(
                field,
                `The field "${field}" cannot be changed after the project is created.`,
            );
        }
    }
    project.metadata = merged as StoredProject["metadata"];
    markModified(project, ctx.now);
    return { status: 200, body: renderProjectMetadata(project) };
}

/** The options must validate strictly, name this project, and have a kind served by this family. */
function checkOptions(ctx: RouteContext, projectName: string, options: unknown): CreateProjectOptions {
    const checked = validateBody(createProjectOptionsSchemaWith(ctx.features.extraProjectSettings), options);
    if (checked.projectName !== projectName) {
        throw httpErrors.invalidParameter(
            "projectName",
            `The body names the project "${checked.projectName}" but the URL names "${projectName}".`,
        );
    }
    if (familyOfKind(checked.projectKind) !== ctx.family) {
        throw httpErrors.invalidParameter(
            "projectKind",
            `${checked.projectKind} projects are authored under ${familyOfKind(checked.projectKind)}, not ${ctx.family}.`,
        );
    }
    return checked;
}

/** Keys of the patch the API does not know, so the strict schema rejects them by name. */
function unknownFieldsOf(patch: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(patch).filter(([key]) => !(optionFields as readonly string[]).includes(key)),
    );
}
