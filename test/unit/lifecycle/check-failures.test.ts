import { expect } from "chai";
import { z } from "zod";
import { failuresOf } from "../../../provider/lifecycle/check-failures";
import { replicationArgsSchema } from "../../../provider/lifecycle/inputs";
import { failuresFor } from "../../support/schema-failures";

const settings = z.strictObject({
    name: z.string(),
    size: z.number().int("must be a whole number of items").optional(),
    tags: z.array(z.string()).default([]),
    nested: z.strictObject({ depth: z.number(), color: z.enum(["red", "blue"]).optional() }).optional(),
    mode: z.enum(["fast", "slow"]).optional(),
    note: z
        .string()
        .refine((note) => note !== "bad", "must not be bad")
        .optional(),
});

describe("failuresOf: zod issues as failures naming the field and the fix", () => {
    it("says a missing field is required", () => {
        expect(failuresFor(settings, {})).to.deep.equal([{ property: "name", reason: "is required" }]);
    });

    it("says what type was expected and what kind of value came, never the value", () => {
        const given = (value: unknown) => failuresFor(settings, { name: value })[0]!.reason;
        expect(given(null)).to.equal("must be a string, not null");
        expect(given(["secret-looking"])).to.equal("must be a string, not an array");
        expect(given({ a: 1 })).to.equal("must be a string, not an object");
        expect(given(42)).to.equal("must be a string, not a number");
        expect(given(true)).to.equal("must be a string, not a boolean");
        expect(given(Number.POSITIVE_INFINITY)).to.equal("must be a string, not Infinity");
        expect(given(Number.NaN)).to.equal("must be a string, not NaN");
    });

    it("names arrays and objects with an article", () => {
        expect(failuresFor(settings, { name: "n", tags: "a" })).to.deep.equal([
            { property: "tags", reason: "must be an array, not a string" },
        ]);
    });

    it("lists an object's options, optional ones marked, when something else came", () => {
        expect(failuresFor(settings, { name: "n", nested: "deep" })).to.deep.equal([
            { property: "nested", reason: "must be an object { depth, color? }, not a string" },
        ]);
        expect(failuresFor(settings, "settings")).to.deep.equal([
            { property: "", reason: "must be an object { name, size?, tags?, nested?, mode?, note? }, not a string" },
        ]);
    });

    it("keeps the schema's own words for a fraction where a whole number belongs", () => {
        expect(failuresFor(settings, { name: "n", size: 2.5 })).to.deep.equal([
            { property: "size", reason: "must be a whole number of items" },
        ]);
    });

    it("says a number is expected when no finite number came", () => {
        const [failure] = failuresFor(settings, { name: "n", size: Number.POSITIVE_INFINITY });
        expect(failure!.property).to.equal("size");
        expect(failure!.reason).to.match(/not Infinity$/);
    });

    it("says an object is expected where no options can be listed, and a number for an integer type", () => {
        const items = z.strictObject({ list: z.array(z.strictObject({ a: z.string() })), count: z.int().optional() });
        expect(failuresFor(items, { list: ["x"] })).to.deep.equal([
            { property: "list.0", reason: "must be an object, not a string" },
        ]);
        expect(failuresFor(items, { list: [], count: "3" })).to.deep.equal([
            { property: "count", reason: "must be a number, not a string" },
        ]);
    });

    it("lists the allowed values of an enumeration", () => {
        expect(failuresFor(settings, { name: "n", mode: "medium" })).to.deep.equal([
            { property: "mode", reason: 'must be one of "fast", "slow"' },
        ]);
    });

    it("passes a refinement's message through, against the nested path", () => {
        expect(failuresFor(settings, { name: "n", note: "bad" })).to.deep.equal([
            { property: "note", reason: "must not be bad" },
        ]);
        expect(failuresFor(settings, { name: "n", nested: { depth: 1, color: "green" } })).to.deep.equal([
            { property: "nested.color", reason: 'must be one of "red", "blue"' },
        ]);
    });

    it("suggests the option a misspelt one meant, or lists the options without their marks", () => {
        expect(failuresFor(settings, { name: "n", nested: { depth: 1, colour: "red" } })).to.deep.equal([
            { property: "nested.colour", reason: '"colour" is not an option here; did you mean "color"?' },
        ]);
        expect(failuresFor(settings, { name: "n", nested: { depth: 1, zzzzzz: 1 } })).to.deep.equal([
            {
                property: "nested.zzzzzz",
                reason: '"zzzzzz" is not an option here; the options are "depth", "color"',
            },
        ]);
    });

    it("gives each unknown key its own failure", () => {
        expect(failuresFor(settings, { name: "n", qqqqqq: 1, wwwwww: 2 }).map((f) => f.property)).to.deep.equal([
            "qqqqqq",
            "wwwwww",
        ]);
    });

    it("lists no options where the path leads to no object", () => {
        const issue = { code: "unrecognized_keys", keys: ["zzzzzz"], path: ["name"], message: "" } as const;
        expect(failuresOf([issue as never], settings)).to.deep.equal([
            { property: "name.zzzzzz", reason: '"zzzzzz" is not an option here; the options are ' },
        ]);
    });

    it("tells outputs and the provider's own properties apart only at the top level", () => {
        const inputs = {
            primary: { endpoint: "https://a.cognitiveservices.azure.com", key: "0123456789abcdef" },
            secondary: { endpoint: "https://b.cognitiveservices.azure.com", key: "fedcba9876543210" },
            projectName: "faq",
        };
        expect(failuresFor(replicationArgsSchema, { ...inputs, deployment: {} })).to.deep.equal([
            {
                property: "deployment",
                reason: '"deployment" is an output of ReplicatedLanguageProject, set by the provider; remove it from the inputs and read the resource\'s deployment output instead',
            },
        ]);
        expect(failuresFor(replicationArgsSchema, { ...inputs, renewal: {} })).to.deep.equal([
            { property: "renewal", reason: '"renewal" is kept by the provider itself; remove it from the inputs' },
        ]);
        const nested = { ...inputs, training: { renewal: 1, deployment: 2 } };
        for (const failure of failuresFor(replicationArgsSchema, nested)) {
            expect(failure.reason).to.include("is not an option here");
        }
    });
});
