import { familyOfKind, projectKindSchema, type ProjectKind } from "../../../provider/contract";
import { supportedLanguagesByFamily } from "../../catalog/languages";
import { prebuiltEntitiesFor } from "../../catalog/prebuilt-entities";
import { httpErrors } from "../../errors";
import { ok, type HttpResponse } from "../../http/messages";
import { pageOf } from "../paging";
import type { RouteContext } from "../route-context";

// Text makes projectKind optional (default CustomSingleLabelClassification); CLU requires it.
const defaultProjectKind: Readonly<Record<RouteContext["family"], ProjectKind | undefined>> = {
    "analyze-text": "CustomSingleLabelClassification",
    "analyze-conversations": undefined,
};

export function listLanguages(ctx: RouteContext): HttpResponse {
    if (ctx.features.languagesByProjectKind) {
        projectKindOf(ctx);
    }
    return ok(pageOf(ctx, [...supportedLanguagesByFamily[ctx.family]]));
}

export function listTrainingConfigVersions(ctx: RouteContext): HttpResponse {
    return ok(pageOf(ctx, [...ctx.trainingConfigs.list(projectKindOf(ctx), ctx.apiVersion)]));
}

/** `multilingual=true` lists every component; otherwise `language` is required. */
export function listPrebuiltEntities(ctx: RouteContext): HttpResponse {
    const multilingual = ctx.request.query.get("multilingual");
    if (multilingual !== null && multilingual !== "true" && multilingual !== "false") {
        throw httpErrors.invalidParameter(
            "multilingual",
            `The query parameter "multilingual" must be true or false, got "${multilingual}".`,
        );
    }
    if (multilingual === "true") {
        return ok(pageOf(ctx, prebuiltEntitiesFor({ multilingual: true })));
    }
    const language = ctx.request.query.get("language");
    if (language === null || language === "") {
        throw httpErrors.invalidParameter(
            "language",
            'The query parameter "language" is required unless multilingual is true.',
        );
    }
    return ok(pageOf(ctx, prebuiltEntitiesFor({ language })));
}

function projectKindOf(ctx: RouteContext): ProjectKind {
    const requested = ctx.request.query.get("projectKind") ?? defaultProjectKind[ctx.family];
    const kind = projectKindSchema.safeParse(requested);
    if (requested === undefined || !kind.success || !familyKinds(ctx).includes(kind.data)) {
        throw httpErrors.invalidParameter(
            "projectKind",
            `The query parameter "projectKind" must be one of ${familyKinds(ctx).join(", ")}, got ${requested === undefined ? "none" : `"${requested}"`}.`,
        );
    }
    return kind.data;
}

function familyKinds(ctx: RouteContext): ProjectKind[] {
    return projectKindSchema.options.filter((kind) => familyOfKind(kind) === ctx.family);
}
