import { expect } from "chai";
import { rankLabels, scoreEachLabel, trainNaiveBayes } from "../../../../emulator/model/naive-bayes";
import { featuresOf } from "../../../../emulator/model/text-features";

const example = (text: string, ...labels: string[]) => ({ features: featuresOf(text), labels });

describe("emulator/model/naive-bayes", () => {
    const examples = [
        example("hello there", "Greet"),
        example("good morning to you", "Greet"),
        example("order a large pizza", "Order"),
        example("I want to order pasta", "Order"),
        example("cancel my order please", "Cancel"),
    ];
    const intents = trainNaiveBayes(["Greet", "Order", "Cancel"], examples);

    it("ranks the label whose examples share the words, with posteriors that sum to 1", () => {
        const ranked = rankLabels(intents, featuresOf("order a pizza"));
        expect(ranked.map((scored) => scored.label)).to.deep.equal(["Order", "Cancel", "Greet"]);
        expect(ranked[0]!.score).to.be.greaterThan(0.9);
        const total = ranked.reduce((sum, scored) => sum + scored.score, 0);
        expect(total).to.be.closeTo(1, 1e-6);
    });

    it("shares character trigrams between forms of a word", () => {
        expect(rankLabels(intents, featuresOf("cancelling"))[0]!.label).to.equal("Cancel");
    });

    it("ignores features it never saw, and breaks ties in the declared label order", () => {
        const untrained = trainNaiveBayes(["B", "A", "C"], []);
        expect(rankLabels(untrained, featuresOf("anything at all"))).to.deep.equal([
            { label: "B", score: 0.3333333 },
            { label: "A", score: 0.3333333 },
            { label: "C", score: 0.3333333 },
        ]);
        expect(rankLabels(intents, featuresOf("zzz qqq"))).to.deep.equal(rankLabels(intents, []));
    });

    it("keeps declared labels without examples, and appends labels only examples use", () => {
        const model = trainNaiveBayes(["Declared"], [example("hi", "Used")]);
        expect(model.labels).to.deep.equal(["Declared", "Used"]);
        expect(model.labelExampleCounts).to.deep.equal([0, 1]);
    });

    it("scores each label against the rest for multi-label examples", () => {
        const topics = trainNaiveBayes(
            ["Politics", "Economy", "Sports"],
            [
                example("parliament votes on the budget and taxes", "Politics", "Economy"),
                example("the cup final and the club share price", "Sports", "Economy"),
                example("candidates debate before the election", "Politics"),
                example("the striker scored in the final", "Sports"),
            ],
        );
        const scores = Object.fromEntries(
            scoreEachLabel(topics, featuresOf("the budget vote in parliament")).map((s) => [s.label, s.score]),
        );
        expect(scores["Politics"]).to.be.greaterThan(0.5);
        expect(scores["Sports"]).to.be.lessThan(0.5);
    });

    it("is a pure function of its examples", () => {
        const again = trainNaiveBayes(["Greet", "Order", "Cancel"], structuredClone(examples));
        expect(JSON.parse(JSON.stringify(again))).to.deep.equal(intents);
        expect(rankLabels(again, featuresOf("order now"))).to.deep.equal(rankLabels(intents, featuresOf("order now")));
    });
});
