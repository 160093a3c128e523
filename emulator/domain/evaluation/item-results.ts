import type { EvaluatedItem } from "./evaluated-items";

/**
 * The wire shape of one `evaluation/result` item (provider/contract/evaluation-results.ts describes
 * it; the contract tests check every item against it).
 */
export function renderEvaluatedItem(item: EvaluatedItem): Record<string, unknown> {
    switch (item.kind) {
        case "utterance":
            return {
                text: item.text,
                language: item.language,
                entitiesResult: {
                    expectedEntities: [...item.expectedEntities],
                    predictedEntities: [...item.predictedEntities],
                },
                intentsResult: { expectedIntent: item.expectedIntent, predictedIntent: item.predictedIntent },
            };
        case "singleLabel":
            return {
                projectKind: "CustomSingleLabelClassification",
                location: item.location,
                language: item.language,
                customSingleLabelClassificationResult: {
                    expectedClass: item.expectedClass,
                    predictedClass: item.predictedClass,
                },
            };
        case "multiLabel":
            return {
                projectKind: "CustomMultiLabelClassification",
                location: item.location,
                language: item.language,
                customMultiLabelClassificationResult: {
                    expectedClasses: [...item.expectedClasses],
                    predictedClasses: [...item.predictedClasses],
                },
            };
        case "entityRecognition":
            return {
                projectKind: "CustomEntityRecognition",
                location: item.location,
                language: item.language,
                customEntityRecognitionResult: {
                    entities: item.regions.map((region) => ({
                        regionOffset: region.regionOffset,
                        regionLength: region.regionLength,
                        expectedEntities: [...region.expected],
                        predictedEntities: [...region.predicted],
                    })),
                },
            };
    }
}
