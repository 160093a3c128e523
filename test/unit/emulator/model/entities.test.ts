import { expect } from "chai";
import { compileEntityComponents, findComponentEntities } from "../../../../emulator/model/entity-components";
import { findLearnedEntities, trainEntityModel } from "../../../../emulator/model/entity-model";
import { resolveEntities } from "../../../../emulator/model/entity-resolution";
import { shapeOf, tokenize } from "../../../../emulator/model/text-tokens";

function labelled(text: string, ...labels: [category: string, phrase: string][]) {
    return {
        text,
        spans: labels.map(([category, phrase]) => ({ category, offset: text.indexOf(phrase), length: phrase.length })),
    };
}

const found = (text: string, spans: { offset: number; length: number; category: string }[]) =>
    spans.map((span) => `${span.category}:${text.slice(span.offset, span.offset + span.length)}`);

describe("emulator/model: entities", () => {
    it("tokenizes words and symbols with UTF-16 offsets, also after astral characters", () => {
        const text = "🚀 Café-Lisbon 2024";
        expect(
            tokenize(text).map((token) => [text.slice(token.start, token.end), token.key, token.shape]),
        ).to.deep.equal([
            ["🚀", "🚀", "🚀"],
            ["Café", "café", "Xx"],
            ["-", "-", "-"],
            ["Lisbon", "lisbon", "Xx"],
            ["2024", "2024", "d"],
        ]);
        expect(shapeOf("TP1234")).to.equal("Xd");
    });

    const contracts = trainEntityModel(
        ["Party", "Date"],
        [
            labelled(
                "This lease is made on 3 March 2024 between Contoso Ltd and Fabrikam Inc.",
                ["Date", "3 March 2024"],
                ["Party", "Contoso Ltd"],
                ["Party", "Fabrikam Inc"],
            ),
        ],
    );

    it("finds a labelled phrase again, and spans of the same shape it never saw", () => {
        const text = "Northwind Bank lends the sum to Adatum Corp on 1 July 2023.";
        const spans = resolveEntities(
            findLearnedEntities(contracts, text).map((span) => ({ ...span, component: "learned" as const })),
            contracts.categories,
        );
        expect(found(text, spans)).to.deep.equal(["Party:Northwind Bank", "Party:Adatum Corp", "Date:1 July 2023"]);
        expect(spans.every((span) => span.confidence >= 0.5 && span.confidence <= 1)).to.equal(true);
    });

    it("does not predict a phrase that is labelled less often than it occurs", () => {
        const model = trainEntityModel(
            ["Product"],
            [
                labelled("I bought a surface", ["Product", "surface"]),
                labelled("the surface of the table"),
                labelled("a rough surface"),
            ],
        );
        expect(findLearnedEntities(model, "my surface broke")).to.deep.equal([]);
    });

    it("learns any word, __proto__ and constructor included, without touching Object.prototype", () => {
        const model = trainEntityModel(
            ["constructor"],
            [labelled("call __proto__ now", ["constructor", "__proto__"]), labelled("a constructor here")],
        );
        const text = "then __proto__ and constructor";
        expect(found(text, findLearnedEntities(model, text))).to.deep.equal(["constructor:__proto__"]);
        expect(Object.prototype).to.not.have.property("0");
        expect(JSON.parse(JSON.stringify(model))).to.deep.equal(model);
    });

    it("matches list synonyms as whole words ignoring case, and regular expressions", () => {
        const components = compileEntityComponents([
            {
                category: "City",
                list: {
                    sublists: [{ listKey: "Lisbon", synonyms: [{ language: "en-us", values: ["Lisboa", "Lisbon"] }] }],
                },
            },
            {
                category: "Code",
                regex: { expressions: [{ regexKey: "c", language: "en-us", regexPattern: "[A-Z]{2}\\d{4}" }] },
            },
            { category: "Broken", regex: { expressions: [{ regexKey: "b", language: "en-us", regexPattern: "(" }] } },
        ]);
        const text = "from LISBOA to Lisboans, code TP1234";
        expect(found(text, findComponentEntities(components, text))).to.deep.equal(["City:LISBOA", "Code:TP1234"]);
        expect(components.regexes.map((regex) => regex.category)).to.deep.equal(["Code"]);
    });

    it("keeps only spans every required component found, then the longest of overlapping ones", () => {
        const span = (
            category: string,
            offset: number,
            length: number,
            confidence: number,
            component: "learned" | "regex",
        ) => ({
            category,
            offset,
            length,
            confidence,
            component,
        });
        const resolved = resolveEntities(
            [
                span("Code", 0, 6, 0.7, "learned"),
                span("Code", 10, 6, 0.7, "learned"),
                span("Code", 10, 6, 1, "regex"),
                span("Word", 10, 3, 0.9, "learned"),
                span("Long", 20, 8, 0.6, "learned"),
                span("Short", 20, 4, 0.9, "learned"),
                span("B", 30, 2, 0.8, "learned"),
                span("A", 30, 2, 0.8, "learned"),
            ],
            ["A", "B", "Code", "Word", "Long", "Short"],
            new Map([["Code", ["regex"] as const]]),
        );
        expect(resolved.map((s) => [s.category, s.offset, s.confidence])).to.deep.equal([
            ["Code", 10, 1],
            ["Long", 20, 0.6],
            ["A", 30, 0.8],
        ]);
    });
});
