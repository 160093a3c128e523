import { checkProjectName, exportedProjectSchema, familyOfKind } from "../../../provider/contract";
import { isPlainObject } from "../../domain/merge-patch";
import { withoutUnknownEntityFields } from "../../domain/project-file";
import { httpErrors } from "../../errors";
import { ok, type HttpResponse } from "../../http/messages";
import { readJson, requireStringIndexType, validateBody } from "../request-body";
import { accepted, param, requireModel, requireProject, type RouteContext } from "../route-context";

// CLU `format`: the emulator reads and writes the service's own format only; LUIS files would
// need a LUIS converter, which it does not have, so it says so rather than guess.
const supportedFormats = ["Conversation"];

export async function startExport(ctx: RouteContext): Promise<HttpResponse> {
    const project = requireProject(ctx);
    requireStringIndexType(ctx);
    checkFormat(ctx);
    if (ctx.request.query.has("assetKind")) {
        throw httpErrors.invalidParameter(
            "assetKind",
            "The emulator exports whole projects only; assetKind is not emulated.",
        );
    }
    const label = ctx.features.exportTrainedModelLabel
        ? (ctx.request.query.get("trainedModelLabel") ?? undefined)
        : undefined;
    if (label !== undefined) {
        requireModel(ctx, project, label);
    }
    const job = await ctx.jobs.start(project.metadata.projectName, {
        kind: "export",
        ...(label === undefined ? {} : { trainedModelLabel: label }),
    });
    return accepted(ctx, job);
}

/** GET resultUrl: the project file once the export job has succeeded. */
export function getExportResult(ctx: RouteContext): HttpResponse {
    const jobId = param(ctx, "jobId");
    const job = ctx.state.jobs[jobId];
    const statusPath = ctx.path.slice(0, -"/result".length);
    if (job?.statusPath !== statusPath || job.operation.kind !== "export" || job.operation.exportedFile === undefined) {
        throw httpErrors.operationNotFound(jobId);
    }
    return ok(job.operation.exportedFile);
}

/**
 * Checks the file before accepting it (a malformed body is a 400); whether its labels and storage
 * hold up is found out by the job. A same-name project of another kind is a conflict.
 */
export async function startImport(ctx: RouteContext): Promise<HttpResponse> {
    const projectName = param(ctx, "projectName");
    const nameProblem = checkProjectName(projectName);
    if (nameProblem !== undefined) {
        throw httpErrors.invalidParameter("projectName", nameProblem);
    }
    checkFormat(ctx);
    const file = validateBody(exportedProjectSchema, namedAfterUrl(readJson(ctx), projectName));
    const { metadata } = file;
    // Unverified: whether the service imports a file naming another project under the URL's name;
    // the emulator insists they agree.
    if (metadata.projectName !== projectName) {
        throw httpErrors.invalidParameter(
            "metadata.projectName",
            `The file is for the project "${metadata.projectName}" but the URL names "${projectName}".`,
        );
    }
    if (familyOfKind(metadata.projectKind) !== ctx.family) {
        throw httpErrors.invalidParameter(
            "metadata.projectKind",
            `${metadata.projectKind} projects are imported under ${familyOfKind(metadata.projectKind)}, not ${ctx.family}.`,
        );
    }
    const existing = ctx.state.projects[projectName];
    if (existing !== undefined && existing.metadata.projectKind !== metadata.projectKind) {
        throw httpErrors.conflict(
            `A ${existing.metadata.projectKind} project named "${projectName}" already exists in this resource; import replaces only a project of the same kind.`,
        );
    }
    const assets = file.assets && withoutUnknownEntityFields(file.assets, ctx.features.unknownEntityFields);
    const job = await ctx.jobs.start(projectName, {
        kind: "import",
        file: { ...file, ...(assets === undefined ? {} : { assets }) },
    });
    return accepted(ctx, job);
}

/** A file whose `metadata.projectName` is null is imported under the URL's name, as the service does. */
function namedAfterUrl(body: unknown, projectName: string): unknown {
    if (!isPlainObject(body) || !isPlainObject(body["metadata"]) || body["metadata"]["projectName"] !== null) {
        return body;
    }
    return { ...body, metadata: { ...body["metadata"], projectName } };
}

function checkFormat(ctx: RouteContext): void {
    const format = ctx.request.query.get("format");
    if (format !== null && !supportedFormats.includes(format)) {
        throw httpErrors.invalidParameter(
            "format",
            `The emulator supports the format "Conversation" only, got "${format}".`,
        );
    }
}
