import { expect } from "chai";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { containsUnknowns, valueAt } from "../../../provider/lifecycle/unknowns";

describe("unknowns: inputs a preview does not know yet", () => {
    it("finds the sentinel at any depth, in objects and arrays", () => {
        expect(containsUnknowns(unknownValue)).to.equal(true);
        expect(containsUnknowns({ a: { b: [1, unknownValue] } })).to.equal(true);
        expect(containsUnknowns([[unknownValue]])).to.equal(true);
    });

    it("knows everything else", () => {
        for (const value of [null, undefined, 0, "x", { a: null }, [1, "b"], { a: { b: [] } }]) {
            expect(containsUnknowns(value), JSON.stringify(value)).to.equal(false);
        }
    });

    it("reads the value at a path, or nothing where the path leads nowhere", () => {
        const inputs = { a: { b: [10, { c: "deep" }] }, n: null };
        expect(valueAt(inputs, ["a", "b", 1, "c"])).to.equal("deep");
        expect(valueAt(inputs, [])).to.equal(inputs);
        expect(valueAt(inputs, ["a", "missing", "c"])).to.equal(undefined);
        expect(valueAt(inputs, ["n", "x"])).to.equal(undefined);
        expect(valueAt(inputs, ["a", "b", 0, "length"])).to.equal(undefined);
        expect(valueAt("text", ["length"])).to.equal(undefined);
    });
});
