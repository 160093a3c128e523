import { expect } from "chai";
import { type PiecePath, ProjectFileSplitter } from "../../../provider/project-file/project-file-splitter";

/** Splits `text` fed in chunks of `size` bytes; returns the pieces parsed, with their paths and spans. */
function split(text: string, size = Number.MAX_SAFE_INTEGER) {
    const pieces: { path: PiecePath; value: unknown; span: string }[] = [];
    const lists: string[] = [];
    const bytes = Buffer.from(text, "utf8");
    const splitter = new ProjectFileSplitter({
        list: (name) => lists.push(name),
        piece: (path, piece, start, end) =>
            pieces.push({
                path,
                value: JSON.parse(piece.toString("utf8")),
                span: bytes.subarray(start, end).toString("utf8"),
            }),
    });
    for (let at = 0; at < bytes.length; at += size) splitter.write(bytes.subarray(at, at + size));
    splitter.end();
    return { pieces, lists };
}

const file = JSON.stringify(
    {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "Conversation",
            projectName: "faq",
            language: "en-us",
            settings: { x: [1, { y: "}" }] },
        },
        assets: {
            projectKind: "Conversation",
            intents: [{ category: 'Book "quoted" \\ slash' }, { category: "None" }],
            entities: [],
            utterances: [
                {
                    text: "fly to Zürich 🛫 [today]",
                    intent: "Book",
                    entities: [{ category: "City", offset: 7, length: 6 }],
                },
                { text: "{not json}", intent: "None" },
            ],
            confidence: 0.5,
            flag: true,
            nothing: null,
        },
        later: { nested: [[], {}] },
    },
    null,
    1,
);

describe("ProjectFileSplitter: an export file cut into pieces, never parsed whole", () => {
    it("hands over top-level fields, assets fields and each list item, with their byte spans", () => {
        const { pieces, lists } = split(file);
        expect(pieces.map((piece) => piece.path.join("."))).to.deep.equal([
            "projectFileVersion",
            "stringIndexType",
            "metadata",
            "assets.projectKind",
            "assets.intents.0",
            "assets.intents.1",
            "assets.utterances.0",
            "assets.utterances.1",
            "assets.confidence",
            "assets.flag",
            "assets.nothing",
            "later",
        ]);
        expect(lists).to.deep.equal(["intents", "entities", "utterances"]);
        const parsed = JSON.parse(file);
        for (const piece of pieces) {
            expect(JSON.parse(piece.span), "the span holds exactly the piece").to.deep.equal(piece.value);
        }
        expect(pieces.find((piece) => piece.path[0] === "metadata")!.value).to.deep.equal(parsed.metadata);
        expect(pieces.find((piece) => piece.path.join(".") === "assets.utterances.0")!.value).to.deep.equal(
            parsed.assets.utterances[0],
        );
    });

    it("gives the same pieces whatever the chunk size, a multi-byte character split included", () => {
        const whole = split(file);
        for (const size of [1, 2, 3, 7, 64]) expect(split(file, size), `chunks of ${size}`).to.deep.equal(whole);
    });

    it("refuses what is not a JSON object, or stops before its end, naming the byte", () => {
        expect(() => split("[1, 2]")).to.throw(/at byte 0: an export file must be a JSON object/);
        expect(() => split('{"metadata": {"a": 1}')).to.throw(/ends before its JSON does/);
        expect(() => split('{"a" 1}')).to.throw(/at byte 5: ':' was expected/);
        expect(() => split('{"assets": {"intents": [1,, 2]}}')).to.throw(/a value was expected/);
        expect(() => split('{"a": 1} {}')).to.throw(/more data after the end/);
    });
});
