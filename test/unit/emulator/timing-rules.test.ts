import { expect } from "chai";
import { JobTimingRules } from "../../../emulator/jobs/timing";

describe("emulator/jobs/timing", () => {
    it("resolves the most specific rule: resource+operation, operation, resource, global", () => {
        const rules = new JobTimingRules({ mode: "afterPolls", polls: 3 });
        expect(rules.resolve("primary", "train")).to.deep.equal({ mode: "afterPolls", polls: 3 });
        rules.set({}, { mode: "instant" });
        rules.set({ resource: "primary" }, { mode: "afterMs", ms: 1 });
        rules.set({ operation: "train" }, { mode: "afterMs", ms: 2 });
        rules.set({ resource: "primary", operation: "train" }, { mode: "afterMs", ms: 3 });
        expect(rules.resolve("primary", "train")).to.deep.equal({ mode: "afterMs", ms: 3 });
        expect(rules.resolve("secondary", "train")).to.deep.equal({ mode: "afterMs", ms: 2 });
        expect(rules.resolve("primary", "export")).to.deep.equal({ mode: "afterMs", ms: 1 });
        expect(rules.resolve("secondary", "export")).to.deep.equal({ mode: "instant" });
    });

    it("replaces the rule of the same scope and resets to the start-up timing", () => {
        const rules = new JobTimingRules({ mode: "instant" });
        rules.set({ operation: "deploy" }, { mode: "afterPolls", polls: 1 });
        rules.set({ operation: "deploy" }, { mode: "afterPolls", polls: 2 });
        expect(rules.list()).to.have.length(2);
        expect(rules.resolve("any", "deploy")).to.deep.equal({ mode: "afterPolls", polls: 2 });
        rules.reset();
        expect(rules.resolve("any", "deploy")).to.deep.equal({ mode: "instant" });
    });
});
