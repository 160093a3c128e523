import type { ErrorDetail, ProjectAssets } from "../../provider/contract";
import { jobErrors } from "../errors";

// Import fails when labels point at categories the file does not declare; a replica missing an
// intent would otherwise train into a different model. Capped so a broken file gives a readable job.
const maxReportedProblems = 20;

/** Problems that make an import job fail, each naming the offending item. */
export function findAssetProblems(assets: ProjectAssets): ErrorDetail[] {
    const problems: ErrorDetail[] = [];
    const report = (target: string, message: string) => problems.push(jobErrors.invalidAsset(target, message));
    switch (assets.projectKind) {
        case "Conversation": {
            const intents = categories(assets.intents);
            const entities = categories(assets.entities);
            assets.utterances?.forEach((utterance, index) => {
                const at = `assets.utterances[${index}]`;
                if (!intents.has(utterance.intent)) {
                    report(
                        `${at}.intent`,
                        `The utterance "${utterance.text}" is labelled with the undeclared intent "${utterance.intent}".`,
                    );
                }
                utterance.entities?.forEach((label, labelIndex) => {
                    if (!entities.has(label.category)) {
                        report(
                            `${at}.entities[${labelIndex}].category`,
                            `The utterance "${utterance.text}" is labelled with the undeclared entity "${label.category}".`,
                        );
                    } else if (label.offset + label.length > utterance.text.length) {
                        report(
                            `${at}.entities[${labelIndex}]`,
                            `The entity label "${label.category}" ends after the end of the utterance "${utterance.text}".`,
                        );
                    }
                });
            });
            break;
        }
        case "Orchestration": {
            const intents = categories(assets.intents);
            assets.utterances?.forEach((utterance, index) => {
                if (!intents.has(utterance.intent)) {
                    report(
                        `assets.utterances[${index}].intent`,
                        `The utterance "${utterance.text}" is labelled with the undeclared intent "${utterance.intent}".`,
                    );
                }
            });
            break;
        }
        case "CustomSingleLabelClassification": {
            const classes = categories(assets.classes);
            assets.documents?.forEach((document, index) => {
                if (document.class !== undefined && !classes.has(document.class.category)) {
                    report(
                        `assets.documents[${index}].class.category`,
                        `The document "${document.location}" is labelled with the undeclared class "${document.class.category}".`,
                    );
                }
            });
            break;
        }
        case "CustomMultiLabelClassification": {
            const classes = categories(assets.classes);
            assets.documents?.forEach((document, index) => {
                document.classes?.forEach((label, labelIndex) => {
                    if (!classes.has(label.category)) {
                        report(
                            `assets.documents[${index}].classes[${labelIndex}].category`,
                            `The document "${document.location}" is labelled with the undeclared class "${label.category}".`,
                        );
                    }
                });
            });
            break;
        }
        case "CustomEntityRecognition": {
            const entities = categories(assets.entities);
            assets.documents?.forEach((document, index) => {
                document.entities?.forEach((region, regionIndex) => {
                    region.labels.forEach((label, labelIndex) => {
                        const at = `assets.documents[${index}].entities[${regionIndex}].labels[${labelIndex}]`;
                        if (!entities.has(label.category)) {
                            report(
                                `${at}.category`,
                                `The document "${document.location}" is labelled with the undeclared entity "${label.category}".`,
                            );
                        } else if (
                            label.offset < region.regionOffset ||
                            label.offset + label.length > region.regionOffset + region.regionLength
                        ) {
                            report(
                                at,
                                `The entity label "${label.category}" of the document "${document.location}" lies outside its region.`,
                            );
                        }
                    });
                });
            });
            break;
        }
    }
    return problems.slice(0, maxReportedProblems);
}

function categories(items: readonly { category: string }[] | undefined): Set<string> {
    return new Set((items ?? []).map((item) => item.category));
}
