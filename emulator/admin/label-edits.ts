import type { ProjectAssets } from "../../provider/contract";
import { adminErrors } from "../errors";
import type { ProjectEdit } from "./admin-schemas";

/**
 * Edits that change labels without adding or removing an item: what a reviewer does most in
 * Language Studio, and what a content fingerprint that only counted items would miss. Each
 * changes the assets in place (the caller works on a copy) and refuses what Studio would refuse.
 */
export type LabelEdit = Extract<ProjectEdit, { op: "relabelUtterance" | "moveEntityLabel" | "relabelDocument" }>;

export function applyLabelEdit(assets: ProjectAssets, edit: LabelEdit): void {
    switch (edit.op) {
        case "relabelUtterance":
            return relabelUtterance(assets, edit.text, edit.intent);
        case "moveEntityLabel":
            return moveEntityLabel(assets, edit);
        case "relabelDocument":
            return relabelDocument(assets, edit.location, edit.classes);
    }
}

function relabelUtterance(assets: ProjectAssets, text: string, intent: string): void {
    if (assets.projectKind !== "Conversation" && assets.projectKind !== "Orchestration") {
        throw unsupportedEdit("relabelUtterance", assets.projectKind);
    }
    found(
        assets.utterances?.find((utterance) => utterance.text === text),
        `utterance "${text}"`,
    ).intent = intent;
}

/** Moves the label of `category` in an utterance (CLU) or a document (custom NER) to a new span. */
function moveEntityLabel(assets: ProjectAssets, edit: Extract<LabelEdit, { op: "moveEntityLabel" }>): void {
    const span = { offset: edit.offset, length: edit.length };
    if (assets.projectKind === "Conversation") {
        const utterance = found(
            assets.utterances?.find((u) => u.text === edit.item),
            `utterance "${edit.item}"`,
        );
        if (edit.offset + edit.length > utterance.text.length) {
            throw adminErrors.badRequest(`The span ${edit.offset}+${edit.length} is outside "${utterance.text}".`);
        }
        Object.assign(
            found(
                utterance.entities?.find((l) => l.category === edit.category),
                labelOf(edit),
            ),
            span,
        );
        return;
    }
    if (assets.projectKind === "CustomEntityRecognition") {
        const document = found(
            assets.documents?.find((d) => d.location === edit.item),
            `document "${edit.item}"`,
        );
        const labels = (document.entities ?? []).flatMap((region) => region.labels);
        Object.assign(
            found(
                labels.find((label) => label.category === edit.category),
                labelOf(edit),
            ),
            span,
        );
        return;
    }
    throw unsupportedEdit("moveEntityLabel", assets.projectKind);
}

/** Gives a document other classes: exactly one for single-label projects. */
function relabelDocument(assets: ProjectAssets, location: string, classes: string[]): void {
    if (assets.projectKind === "CustomSingleLabelClassification") {
        if (classes.length !== 1) throw adminErrors.badRequest("A single-label document has exactly one class.");
        found(
            assets.documents?.find((d) => d.location === location),
            `document "${location}"`,
        ).class = {
            category: classes[0]!,
        };
        return;
    }
    if (assets.projectKind === "CustomMultiLabelClassification") {
        const document = found(
            assets.documents?.find((d) => d.location === location),
            `document "${location}"`,
        );
        document.classes = classes.map((category) => ({ category }));
        return;
    }
    throw unsupportedEdit("relabelDocument", assets.projectKind);
}

function found<Item>(item: Item | undefined, what: string): Item {
    if (item === undefined) throw adminErrors.notFound(`The project has no ${what}.`);
    return item;
}

function labelOf(edit: Extract<LabelEdit, { op: "moveEntityLabel" }>): string {
    return `label "${edit.category}" in "${edit.item}"`;
}

/** The answer to an edit that a project of this kind does not have. */
export function unsupportedEdit(op: string, kind: string) {
    return adminErrors.badRequest(`The edit "${op}" does not apply to ${kind} projects.`);
}
