import type { z } from "zod";
import {
    conversationEntitySchema,
    conversationIntentSchema,
    conversationUtteranceSchema,
    entityRecognitionDocumentSchema,
    multiLabelDocumentSchema,
    orchestrationIntentSchema,
    orchestrationUtteranceSchema,
    singleLabelDocumentSchema,
    textCategorySchema,
    type ProjectAssets,
} from "../../provider/contract";
import { findAssetProblems } from "../domain/asset-checks";
import { adminErrors } from "../errors";
import type { ProjectContent } from "../state/state-schema";
import type { ProjectEdit } from "./admin-schemas";
import { applyLabelEdit, unsupportedEdit } from "./label-edits";

/**
 * Applies a Language Studio edit to a copy of the project's content and returns it. Items are
 * checked with the contract schemas of the project's kind, and the result must still import
 * cleanly (no label pointing at an undeclared category), as Studio never saves such a project.
 */
export function applyProjectEdit(current: ProjectContent, edit: ProjectEdit): ProjectContent {
    const content = structuredClone(current);
    if (edit.op === "changeSettings") {
        content.metadata.settings = { ...content.metadata.settings, ...edit.settings };
        return content;
    }
    editAssets(content.assets, edit);
    const problem = findAssetProblems(content.assets)[0];
    if (problem !== undefined) {
        throw adminErrors.badRequest(`The edit would leave the project inconsistent: ${problem.message}`);
    }
    return content;
}

function editAssets(assets: ProjectAssets, edit: Exclude<ProjectEdit, { op: "changeSettings" }>): void {
    const kind = assets.projectKind;
    switch (edit.op) {
        case "touch":
            return;
        case "relabelUtterance":
        case "moveEntityLabel":
        case "relabelDocument":
            return applyLabelEdit(assets, edit);
        case "addIntent":
            if (kind === "Conversation") {
                assets.intents = withAdded(assets.intents, item(conversationIntentSchema, edit.intent), "intent");
            } else if (kind === "Orchestration") {
                assets.intents = withAdded(assets.intents, item(orchestrationIntentSchema, edit.intent), "intent");
            } else {
                throw unsupported(edit, kind);
            }
            return;
        case "removeIntent":
            if (kind !== "Conversation" && kind !== "Orchestration") {
                throw unsupported(edit, kind);
            }
            assets.intents = withRemoved(assets.intents, edit.category, "intent");
            assets.utterances = assets.utterances?.filter((utterance) => utterance.intent !== edit.category);
            return;
        case "addEntity":
            if (kind === "Conversation") {
                assets.entities = withAdded(assets.entities, item(conversationEntitySchema, edit.entity), "entity");
            } else if (kind === "CustomEntityRecognition") {
                assets.entities = withAdded(assets.entities, item(textCategorySchema, edit.entity), "entity");
            } else {
                throw unsupported(edit, kind);
            }
            return;
        case "removeEntity":
            if (kind === "Conversation") {
                assets.entities = withRemoved(assets.entities, edit.category, "entity");
                for (const utterance of assets.utterances ?? []) {
                    utterance.entities = utterance.entities?.filter((label) => label.category !== edit.category);
                }
            } else if (kind === "CustomEntityRecognition") {
                assets.entities = withRemoved(assets.entities, edit.category, "entity");
                for (const region of (assets.documents ?? []).flatMap((document) => document.entities ?? [])) {
                    region.labels = region.labels.filter((label) => label.category !== edit.category);
                }
            } else {
                throw unsupported(edit, kind);
            }
            return;
        case "addUtterance":
            if (kind === "Conversation") {
                assets.utterances = [...(assets.utterances ?? []), item(conversationUtteranceSchema, edit.utterance)];
            } else if (kind === "Orchestration") {
                assets.utterances = [...(assets.utterances ?? []), item(orchestrationUtteranceSchema, edit.utterance)];
            } else {
                throw unsupported(edit, kind);
            }
            return;
        case "removeUtterance":
            if (kind !== "Conversation" && kind !== "Orchestration") {
                throw unsupported(edit, kind);
            }
            assets.utterances = withoutFirst(
                assets.utterances,
                (u) => u.text === edit.text,
                `utterance "${edit.text}"`,
            );
            return;
        case "addClass":
            if (kind !== "CustomSingleLabelClassification" && kind !== "CustomMultiLabelClassification") {
                throw unsupported(edit, kind);
            }
            assets.classes = withAdded(assets.classes, { category: edit.category }, "class");
            return;
        case "removeClass":
            if (kind === "CustomSingleLabelClassification") {
                assets.classes = withRemoved(assets.classes, edit.category, "class");
                for (const document of assets.documents ?? []) {
                    if (document.class?.category === edit.category) {
                        delete document.class;
                    }
                }
            } else if (kind === "CustomMultiLabelClassification") {
                assets.classes = withRemoved(assets.classes, edit.category, "class");
                for (const document of assets.documents ?? []) {
                    document.classes = document.classes?.filter((label) => label.category !== edit.category);
                }
            } else {
                throw unsupported(edit, kind);
            }
            return;
        case "addDocument":
            if (kind === "CustomSingleLabelClassification") {
                assets.documents = [...(assets.documents ?? []), item(singleLabelDocumentSchema, edit.document)];
            } else if (kind === "CustomMultiLabelClassification") {
                assets.documents = [...(assets.documents ?? []), item(multiLabelDocumentSchema, edit.document)];
            } else if (kind === "CustomEntityRecognition") {
                assets.documents = [...(assets.documents ?? []), item(entityRecognitionDocumentSchema, edit.document)];
            } else {
                throw unsupported(edit, kind);
            }
            return;
        case "removeDocument":
            if (kind === "Conversation" || kind === "Orchestration") {
                throw unsupported(edit, kind);
            }
            assets.documents = withoutFirst(
                assets.documents,
                (document) => document.location === edit.location,
                `document "${edit.location}"`,
            );
            return;
    }
}

function item<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
        throw adminErrors.badRequest(`Invalid item: ${parsed.error.issues[0]?.message ?? "does not match its schema"}`);
    }
    return parsed.data;
}

function withAdded<Item extends { category: string }>(items: Item[] | undefined, added: Item, what: string): Item[] {
    if ((items ?? []).some((existing) => existing.category === added.category)) {
        throw adminErrors.badRequest(`The ${what} "${added.category}" already exists.`);
    }
    return [...(items ?? []), added];
}

function withRemoved<Item extends { category: string }>(
    items: Item[] | undefined,
    category: string,
    what: string,
): Item[] {
    return withoutFirst(items, (existing) => existing.category === category, `${what} "${category}"`);
}

function withoutFirst<Item>(items: Item[] | undefined, isTarget: (item: Item) => boolean, what: string): Item[] {
    const list = items ?? [];
    const index = list.findIndex(isTarget);
    if (index < 0) {
        throw adminErrors.notFound(`The project has no ${what}.`);
    }
    return [...list.slice(0, index), ...list.slice(index + 1)];
}

function unsupported(edit: ProjectEdit, kind: string) {
    return unsupportedEdit(edit.op, kind);
}
