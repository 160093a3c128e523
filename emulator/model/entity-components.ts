import { z } from "zod";
import { requiredComponentSchema, type ConversationEntity, type RequiredComponent } from "../../provider/contract";
import type { ScoredSpan } from "./label-span";
import { tokenize, windowOf, windowsOf } from "./text-tokens";

/**
 * The parts of CLU entities that are written rather than learned: list synonyms (matched as whole
 * words, ignoring case) and regular expressions, plus which components an entity requires.
 * Prebuilt components are not modelled: they never match. Lists, not records keyed by user text.
 */
export const entityComponentsSchema = z.object({
    listWindowLengths: z.array(z.number().int().min(1)),
    /** [normalized synonym, category whose list holds it]. */
    listPhrases: z.array(z.tuple([z.string(), z.string()])),
    regexes: z.array(z.object({ category: z.string(), pattern: z.string() })),
    requiredComponents: z.array(z.object({ category: z.string(), components: z.array(requiredComponentSchema) })),
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
    const lengths = new Set<number>();
    const listPhrases = new Map<string, [string, string]>();
    const components: EntityComponents = {
        listWindowLengths: [],
        listPhrases: [],
        regexes: [],
        requiredComponents: [],
    };
    for (const entity of entities) {
        for (const synonym of (entity.list?.sublists ?? []).flatMap((sublist) => sublist.synonyms)) {
            for (const value of synonym.values) {
                const tokens = tokenize(value);
                if (tokens.length > 0) {
                    lengths.add(tokens.length);
                    const phrase = windowOf(tokens).key;
                    listPhrases.set(`${phrase}\n${entity.category}`, [phrase, entity.category]);
                }
            }
        }
        for (const expression of entity.regex?.expressions ?? []) {
            if (compiles(expression.regexPattern)) {
                components.regexes.push({ category: entity.category, pattern: expression.regexPattern });
            }
        }
        if (entity.requiredComponents !== undefined && entity.requiredComponents.length > 0) {
            components.requiredComponents.push({
                category: entity.category,
                components: [...entity.requiredComponents],
            });
        }
    }
    components.listWindowLengths = [...lengths].sort((a, b) => a - b);
    components.listPhrases = [...listPhrases.values()];
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

// A deployed model answers many requests: index its synonyms once.
const listIndexes = new WeakMap<EntityComponents, Map<string, string[]>>();

function listIndexOf(components: EntityComponents): Map<string, string[]> {
    let index = listIndexes.get(components);
    if (index === undefined) {
        index = new Map();
        for (const [phrase, category] of components.listPhrases) {
            index.set(phrase, [...(index.get(phrase) ?? []), category]);
        }
        listIndexes.set(components, index);
    }
    return index;
}

export function findComponentEntities(components: EntityComponents, text: string): ComponentSpan[] {
    const lists = listIndexOf(components);
    const spans: ComponentSpan[] = [];
    for (const window of windowsOf(tokenize(text), components.listWindowLengths)) {
        for (const category of lists.get(window.key) ?? []) {
            const length = window.end - window.start;
            spans.push({ category, offset: window.start, length, confidence: 1, component: "list" });
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

/** The components each category requires, for resolveEntities. */
export function requiredComponentsOf(components: EntityComponents): ReadonlyMap<string, readonly RequiredComponent[]> {
    return new Map(components.requiredComponents.map(({ category, components: required }) => [category, required]));
}
