import { copyDocuments } from "../operations/copy-documents";
import { describeDocumentChanges, missingDocument, someOf } from "../plan/document-fingerprint";
import { openSourceStorage } from "../storage/source-storage";
import { openTargetStorage } from "../storage/target-storage";
import { targetContainerOf } from "./replica-documents";
import type { StepRunner } from "./step-run";

/** Copying a text project's documents from the primary's storage into the secondary's. */
export const documentRunners = {
    /**
     * Copies what the secondary's container lacks (see `copyDocuments`) and records what it holds.
     * The candidate to train was planned from the texts `check` listed: when one changed since,
     * the new text is copied, and the run stops before training anything under that candidate.
     */
    async copy(run) {
        const { inputs, state } = run;
        const documents = inputs.documents!;
        const observed = inputs.primaryRevision.documents!;
        const container = targetContainerOf(inputs)!;
        const target = openTargetStorage(documents.target!);
        const result = await copyDocuments({
            source: openSourceStorage(documents.source),
            sourceContainer: observed.container,
            target,
            targetContainer: container,
            locations: Object.keys(observed.contents),
            context: run.context("copy"),
        });
        const projectContainer = state.secondaryDocuments?.projectContainer;
        state.secondaryDocuments = {
            account: target.name,
            container,
            held: result.held,
            ...(projectContainer && { projectContainer }),
        };
        const lacking = Object.keys(result.current).filter((location) => result.current[location] === missingDocument);
        if (lacking.length > 0) {
            run.warn(
                `the primary's container "${observed.container}" lacks ${lacking.length} of the documents its labels reference (${someOf(lacking)}): they cannot be copied, and training fails on them`,
            );
        }
        const changed = describeDocumentChanges(observed.contents, result.current);
        if (changed) {
            throw new Error(
                `the primary's documents changed while this update ran (${changed}); the new texts are copied: run pulumi up again to train them`,
            );
        }
        return result.copied.length > 0 ? "ran" : "found done";
    },
} satisfies Record<"copy", StepRunner>;
