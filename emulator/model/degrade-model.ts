import type { ModelQuality } from "../admin/model-quality";
import type { ProjectContent } from "../state/state-schema";
import type { TrainedModel } from "./trained-model";

/**
 * A model made worse as an admin rule asked (see admin/model-quality.ts). `retrain` trains the
 * same way on other content: diverging predictions come from really learning wrong labels, so the
 * runtime and the evaluation both answer from what was learnt.
 */
export function degradeModel(
    honest: TrainedModel,
    content: ProjectContent,
    quality: ModelQuality,
    retrain: (content: ProjectContent) => TrainedModel,
): TrainedModel {
    const trained = quality.predictions === "diverge" ? retrain(withRotatedLabels(content)) : honest;
    if (quality.evaluation !== "poor") return trained;
    // Predicting nothing for the test split scores no true positive: micro and macro F1 of 0.
    return { ...trained, testPredictions: trained.testPredictions.map(() => ({ labels: [], spans: [] })) };
}

/** Every label replaced by the next category declared (the last by the first). */
function withRotatedLabels(content: ProjectContent): ProjectContent {
    const copy = structuredClone(content);
    const assets = copy.assets;
    switch (assets.projectKind) {
        case "Conversation": {
            const intent = rotation(assets.intents);
            const entity = rotation(assets.entities);
            for (const utterance of assets.utterances ?? []) {
                utterance.intent = intent(utterance.intent);
                for (const label of utterance.entities ?? []) label.category = entity(label.category);
            }
            break;
        }
        case "Orchestration": {
            const intent = rotation(assets.intents);
            for (const utterance of assets.utterances ?? []) utterance.intent = intent(utterance.intent);
            break;
        }
        case "CustomSingleLabelClassification": {
            const next = rotation(assets.classes);
            for (const document of assets.documents ?? []) {
                if (document.class) document.class.category = next(document.class.category);
            }
            break;
        }
        case "CustomMultiLabelClassification": {
            const next = rotation(assets.classes);
            for (const label of (assets.documents ?? []).flatMap((document) => document.classes ?? [])) {
                label.category = next(label.category);
            }
            break;
        }
        case "CustomEntityRecognition": {
            const next = rotation(assets.entities);
            const regions = (assets.documents ?? []).flatMap((document) => document.entities ?? []);
            for (const label of regions.flatMap((region) => region.labels)) label.category = next(label.category);
            break;
        }
    }
    return copy;
}

function rotation(declared: readonly { category: string }[] | undefined): (category: string) => string {
    const names = (declared ?? []).map((item) => item.category);
    return (category) => {
        const index = names.indexOf(category);
        return index < 0 ? category : names[(index + 1) % names.length]!;
    };
}
