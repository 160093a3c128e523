import { expect } from "chai";
import { z } from "zod";
import { ContractError, parseContract } from "../../../provider/contract";

describe("contract/parse-contract", () => {
    const schema = z.looseObject({ items: z.array(z.looseObject({ id: z.number() })) });

    it("returns the parsed value", () => {
        expect(parseContract(schema, { items: [{ id: 1 }] }, "list")).to.deep.equal({ items: [{ id: 1 }] });
    });

    it("throws a ContractError naming the field path, with the issues", () => {
        let caught: unknown;
        try {
            parseContract(schema, { items: [{ id: 1 }, { id: "2" }] }, "list");
        } catch (error) {
            caught = error;
        }
        expect(caught).to.be.instanceOf(ContractError);
        const error = caught as ContractError;
        expect(error.name).to.equal("ContractError");
        expect(error.message).to.equal('list: field "items[1].id": expected number, received string');
        expect(error.path).to.equal("items[1].id");
        expect(error.issues).to.have.length(1);
    });

    it("reports the value itself without a field, and counts further problems", () => {
        expect(() => parseContract(schema, "oops", "list")).to.throw("list: expected object, received string");
        const two = z.object({ a: z.string(), b: z.string() });
        expect(() => parseContract(two, {}, "pair")).to.throw(
            'pair: field "a": expected string, received undefined (and 1 more)',
        );
    });

    it("names the unknown field of a strict body", () => {
        const strict = z.strictObject({ a: z.string(), nested: z.strictObject({ b: z.number() }) });
        expect(() => parseContract(strict, { a: "x", nested: { b: 1, c: 2 } }, "body")).to.throw(
            'body: field "nested.c": unknown field (this body is strict)',
        );
    });

    it("reports the closest alternative of a failed union", () => {
        const union = z.union([
            z.looseObject({ kind: z.literal("a") }),
            z.looseObject({ count: z.number(), meta: z.looseObject({ tag: z.string() }) }),
        ]);
        expect(() => parseContract(union, { count: 1, meta: { tag: 2 } }, "value")).to.throw(
            'value: field "meta.tag": expected string, received number',
        );
    });
});
