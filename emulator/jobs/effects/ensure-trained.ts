import type { HostedResource } from "../../config/hosted-resource";
import { httpErrors } from "../../errors";
import { trainModel } from "../../model/train-model";
import type { TrainedModel } from "../../model/trained-model";
import type { StoredModel } from "../../state/state-schema";
import { readDocumentTexts } from "./training-data";

/**
 * A model's trained state. Models trained before the emulator had a runtime have none: they are
 * trained now, as training would have, from their snapshot and the texts storage holds now.
 */
export async function ensureTrained(model: StoredModel, resource: HostedResource): Promise<TrainedModel> {
    if (model.trained !== undefined) {
        return model.trained;
    }
    const { problems, texts } = await readDocumentTexts(model.snapshot, resource);
    if (problems.length > 0) {
        throw httpErrors.internal(
            `The model "${model.label}" was trained by an earlier emulator and could not be trained again: ${problems.map((problem) => problem.message).join(" ")}`,
        );
    }
    model.trained = trainModel(model.snapshot, model.evaluationOptions, texts);
    return model.trained;
}
