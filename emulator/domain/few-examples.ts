import type { ErrorDetail, ProjectAssets } from "../../provider/contract";

/**
 * Unverified: the count below which the service warns, and its wording (it uses the `Warning`
 * code of the specs' ErrorCode enum). Learn's CLU best practices ask for at least 10 to 15
 * utterances per intent; the emulator warns below 10 labelled examples.
 */
export const fewExamplesThreshold = 10;

/**
 * The intents and entities of a conversations project with fewer labelled examples than the
 * service recommends, in declaration order, as a training job's warnings.
 */
export function fewExampleWarnings(assets: ProjectAssets): ErrorDetail[] {
    if (assets.projectKind !== "Conversation" && assets.projectKind !== "Orchestration") {
        return [];
    }
    const utterances = assets.utterances ?? [];
    const intentCounts = countBy(utterances.map((utterance) => utterance.intent));
    const entityLabels = utterances.flatMap((utterance) =>
        "entities" in utterance && Array.isArray(utterance.entities) ? utterance.entities : [],
    );
    const entityCounts = countBy(entityLabels.map((label) => label.category));
    const entities = assets.projectKind === "Conversation" ? (assets.entities ?? []) : [];
    return [
        ...(assets.intents ?? []).map((intent) => ({
            kind: "intent",
            category: intent.category,
            counts: intentCounts,
        })),
        ...entities.map((entity) => ({ kind: "entity", category: entity.category, counts: entityCounts })),
    ]
        .map(({ kind, category, counts }) => ({ kind, category, count: counts.get(category) ?? 0 }))
        .filter(({ count }) => count < fewExamplesThreshold)
        .map(({ kind, category, count }) => ({
            code: "Warning",
            message: `The ${kind} "${category}" has ${count} labelled example${count === 1 ? "" : "s"}; at least ${fewExamplesThreshold} are recommended for good predictions.`,
            target: category,
        }));
}

function countBy(values: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const value of values) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
}
