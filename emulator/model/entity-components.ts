import { z } from "zod";
import { requiredComponentSchema, type ConversationEntity, type RequiredComponent } from "../../provider/contract";
import type { ScoredSpan } from "./label-span";
import { tokenize, windowOf, windowsOf } from "./text-tokens";

/**
 * The parts of CLU entities that are written rather than learned: list synonyms (matched as whole
 * words, ignoring case) and regular expressions, plus which components an entity requires.
 * Prebuilt components are not modelled: they never match.
 */
export const entityComponentsSchema = z.object({
    listWindowLengths: z.array(z.number().int().min(1)),
    /** Normalized synonym -> the categories whose lists contain it. */
    listPhrases: z.record(z.string(), z.array(z.string())),
    regexes: z.array(z.object({ category: z.string(), pattern: z.string() })),
    requiredComponents: z.record(z.string(), z.array(requiredComponentSchema)),
});
export type EntityComponents = z.infer<typeof entityComponentsSchema>;

/** A span found by one component; list and regex matches are certain. */
export interface ComponentSpan extends ScoredSpan {
    readonly component: RequiredComponent;
}

/**
 * Synonyms of every language are used, whatever the query's language. Patterns are .NET regular
 * expressions; the ones JavaScript cannot compile are left out.
 */
export function compileEntityComponents(entities: readonly ConversationEntity[]): EntityComponents {
    const components: EntityComponents = {
        listWindowLengths: [],
        listPhrases: {},
        regexes: [],
        requiredComponents: {},
    };
    const lengths = new Set<number>();
    for (const entity of entities) {
        for (const synonym of (entity.list?.sublists ?? []).flatMap((sublist) => sublist.synonyms)) {
            for (const value of synonym.values) {
                const tokens = tokenize(value);
                if (tokens.length === 0) {
                    continue;
                }
                lengths.add(tokens.length);
                const categories = (components.listPhrases[windowOf(tokens).key] ??= []);
                if (!categories.includes(entity.category)) {
                    categories.push(entity.category);
                }
            }
        }
        for (const expression of entity.regex?.expressions ?? []) {
            if (compiles(expression.regexPattern)) {
                components.regexes.push({ category: entity.category, pattern: expression.regexPattern });
            }
        }
        if (entity.requiredComponents !== undefined && entity.requiredComponents.length > 0) {
            components.requiredComponents[entity.category] = [...entity.requiredComponents];
        }
    }
    components.listWindowLengths = [...lengths].sort((a, b) => a - b);
    return components;
}

function compiles(pattern: string): boolean {
    try {
        new RegExp(pattern, "g");
        return true;
    } catch {
        return false;
    }
}

export function findComponentEntities(components: EntityComponents, text: string): ComponentSpan[] {
    const spans: ComponentSpan[] = [];
    for (const window of windowsOf(tokenize(text), components.listWindowLengths)) {
        for (const category of components.listPhrases[window.key] ?? []) {
            spans.push({
                category,
                offset: window.start,
                length: window.end - window.start,
                confidence: 1,
                component: "list",
            });
        }
    }
    for (const { category, pattern } of components.regexes) {
        for (const match of text.matchAll(new RegExp(pattern, "g"))) {
            if (match[0].length > 0) {
                spans.push({
                    category,
                    offset: match.index,
                    length: match[0].length,
                    confidence: 1,
                    component: "regex",
                });
            }
        }
    }
    return spans;
}
