import { expect } from "chai";
import { exportedProjectSchema, type ExportedProject } from "../../../provider/contract";
import { changedFields, describeChanges, diffContent } from "../../../provider/plan/content-changes";
import { fingerprintOf, isWholeFileHash, itemNameOf } from "../../../provider/plan/content-fingerprint";
import {
    conversationExport,
    entityRecognitionExport,
    multiLabelExport,
    singleLabelExport,
} from "../../fixtures/contract/exported-projects";

const parse = (file: unknown) => exportedProjectSchema.parse(file);
const contentHashOf = (file: ExportedProject) => fingerprintOf(file).contentHash;

/** What changed from one file to the other, named from the files themselves. */
function changesBetween(before: ExportedProject, after: ExportedProject): string {
    const [old, now] = [fingerprintOf(before), fingerprintOf(after)];
    const changes = diffContent(old.index, now.index);
    const files = { before, after };
    const nameOf = ({ list, side, position }: { list: string; side: "before" | "after"; position: number }) => {
        const items = (files[side].assets as Record<string, Record<string, unknown>[]>)[list]!;
        return itemNameOf(list, items[position]!);
    };
    return describeChanges(changes, nameOf, changedFields(old.metadataFields, now.metadataFields));
}

describe("content fingerprint", () => {
    it("ignores key order, list order, the file version and the project name", () => {
        const file = conversationExport();
        const reordered = {
            ...file,
            projectFileVersion: "2022-05-01",
            metadata: { ...file.metadata, projectName: "replica" },
        };
        reordered.assets = {
            ...file.assets,
            utterances: [...file.assets.utterances]
                .reverse()
                .map((utterance) => Object.fromEntries(Object.entries(utterance).reverse()) as never),
        };
        expect(contentHashOf(parse(reordered))).to.equal(contentHashOf(parse(file)));
    });

    it("changes with any asset or setting", () => {
        const file = conversationExport();
        const edited = {
            ...file,
            assets: { ...file.assets, intents: [...file.assets.intents, { category: "Cancel" }] },
        };
        const resettled = { ...file, metadata: { ...file.metadata, language: "de" } };
        const relabelled = structuredClone(file);
        relabelled.assets.utterances[0]!.intent = "Cancel";
        for (const changed of [edited, resettled, relabelled]) {
            expect(contentHashOf(parse(changed))).not.to.equal(contentHashOf(parse(file)));
        }
    });

    it("is told apart from the whole-file hash of releases before 0.3, which it cannot be compared with", () => {
        const hash = contentHashOf(parse(conversationExport()));
        expect(hash).to.match(/^sha256-items:[0-9a-f]{64}$/);
        expect(isWholeFileHash(hash)).to.equal(false);
        expect(isWholeFileHash(`sha256:${"0".repeat(64)}`)).to.equal(true);
        expect(isWholeFileHash(undefined)).to.equal(false);
    });

    it("counts the items of each itemized list, as a reviewer names them", () => {
        const counts = fingerprintOf(parse(singleLabelExport())).items;
        expect(Object.keys(counts).sort()).to.deep.equal(["classes", "documents"]);
        const file = conversationExport();
        file.assets.utterances.push({ ...file.assets.utterances[0]!, dataset: "Test" } as never);
        expect(fingerprintOf(parse(file)).items.utterances, "same text and intent: one utterance").to.equal(
            conversationExport().assets.utterances.length,
        );
    });

    it("tells what was added, removed and changed, naming the first few in file order", () => {
        const before = conversationExport();
        const after = conversationExport();
        after.assets.intents.push({ category: "Cancel" });
        after.assets.utterances.push({ text: "stop it", intent: "Cancel", entities: [] } as never);
        after.assets.utterances.shift();
        after.assets.entities[0]!.compositionSetting = "requireExactOverlap";
        const summary = changesBetween(parse(before), parse(after));
        expect(summary).to.match(
            /^intents \+1 \(Cancel\); entities ~1 \([^)]+\); utterances \+1 -1 \("stop it" \(Cancel\), "fly me to Paris tomorrow" \(BookFlight\)\)$/,
        );
    });

    it("says how many more there are beyond the names it shows", () => {
        const before = conversationExport();
        const after = conversationExport();
        for (const category of ["A", "B", "C", "D", "E"]) after.assets.intents.push({ category });
        expect(changesBetween(parse(before), parse(after))).to.equal("intents +5 (A, B, C, and 2 more)");
    });

    it("says so when neither an item nor a setting changed", () => {
        const file = parse(conversationExport());
        expect(changesBetween(file, file)).to.equal("no item or setting changed (other asset fields only)");
    });
});

/** An edit of a fixture's export file, in place. */
type Edit<File> = (file: File) => unknown;
type Conversation = ReturnType<typeof conversationExport>;

/**
 * The edits a user makes in Language Studio that add or remove nothing: each must change the
 * fingerprint (or the replica would never retrain) and be named for the reviewer.
 */
describe("content fingerprint: edits that only relabel or reconfigure", () => {
    const edits: [string, () => unknown, Edit<never>, string][] = [
        [
            "an utterance given another intent",
            conversationExport,
            ((file: Conversation) => (file.assets.utterances[1]!.intent = "BookFlight")) as Edit<never>,
            'utterances ~1 ("hello" (BookFlight))',
        ],
        [
            "an entity label moved within an utterance",
            conversationExport,
            ((file: Conversation) => (file.assets.utterances[0]!.entities[0]!.offset = 9)) as Edit<never>,
            'utterances ~1 ("fly me to Paris tomorrow" (BookFlight))',
        ],
        [
            "a document given another class",
            singleLabelExport,
            ((file: ReturnType<typeof singleLabelExport>) =>
                (file.assets.documents[0]!.class = { category: "Outage" })) as Edit<never>,
            "documents ~1 (t-001.txt)",
        ],
        [
            "a document given one class fewer",
            multiLabelExport,
            ((file: ReturnType<typeof multiLabelExport>) => file.assets.documents[0]!.classes.pop()) as Edit<never>,
            "documents ~1 (plot-17.txt)",
        ],
        [
            "a document's entity label moved",
            entityRecognitionExport,
            ((file: ReturnType<typeof entityRecognitionExport>) =>
                (file.assets.documents[0]!.entities[0]!.labels[0]!.offset = 40)) as Edit<never>,
            "documents ~1 (lease-a.txt)",
        ],
        [
            "a project setting changed",
            conversationExport,
            ((file: Conversation) => (file.metadata.settings.confidenceThreshold = 0.7)) as Edit<never>,
            "settings ~1 (confidenceThreshold)",
        ],
        [
            "the description changed",
            conversationExport,
            ((file: Conversation) => (file.metadata.description = "Flights only")) as Edit<never>,
            "metadata ~1 (description)",
        ],
    ];
    for (const [what, fixture, edit, named] of edits) {
        it(`${what}: a new fingerprint, named "${named}"`, () => {
            const before = parse(fixture());
            const after = fixture() as never;
            edit(after);
            expect(contentHashOf(parse(after))).to.not.equal(contentHashOf(before));
            expect(changesBetween(before, parse(after))).to.equal(named);
        });
    }
});
