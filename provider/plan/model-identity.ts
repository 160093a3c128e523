import { canonicalJson } from "./canonical-json";

/**
 * What a trained model is made of. Two trainings of the same identity learn the same model, so
 * a model of the identity asked for is never trained again (training is billed); each part that
 * differs says why a new one is trained.
 */
export interface ModelIdentity {
    /** The imported content it learns from. */
    contentHash: string;
    /** The training options, in one comparable string. */
    trainingSignature: string;
    /** Set by the user to train the same content again (scheduled retraining). */
    retrainToken?: string;
    /** The training configuration version an expiry renewal asked for. */
    renewWith?: string;
    /** The texts of a text project's documents, hashed (see `documentsHashOf`): they live in storage, not in the content. */
    documents?: string;
}

export function sameIdentity(a: ModelIdentity, b: ModelIdentity): boolean {
    return canonicalJson(a) === canonicalJson(b);
}

/** A hash as a reason shows it: its first 12 digits, without the algorithm (`sha256:`, `sha256-items:`). */
const short = (hash: string) => hash.replace(/^[a-z0-9-]+:/, "").slice(0, 12);

/** Why a model of identity `wanted` is trained while a model of identity `serving` serves. */
export function whyRetrain(wanted: ModelIdentity, serving: ModelIdentity | undefined): string {
    if (serving === undefined) return "no model of this content and these options exists on the secondary";
    if (serving.contentHash !== wanted.contentHash) {
        return `the content changed (${short(serving.contentHash)} -> ${short(wanted.contentHash)})`;
    }
    if (serving.documents !== wanted.documents) {
        return serving.documents === undefined
            ? "the documents' texts are now part of what a model is made of"
            : `the documents' texts changed (${short(serving.documents)} -> ${short(wanted.documents ?? "none")})`;
    }
    if (serving.trainingSignature !== wanted.trainingSignature) return "the training options changed";
    if (serving.renewWith !== wanted.renewWith) {
        return `the deployment's expiry is renewed with training configuration ${wanted.renewWith}`;
    }
    if (serving.retrainToken !== wanted.retrainToken) {
        return `retrainToken changed (${JSON.stringify(serving.retrainToken ?? null)} -> ${JSON.stringify(wanted.retrainToken ?? null)})`;
    }
    return "the serving model was trained from the same content and options, under another label";
}
