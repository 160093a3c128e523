import { expect } from "chai";
import { replicationArgsSchema } from "../../../provider/lifecycle/inputs";
import { inputNames, inputOutputNames, outputOnlyNames } from "../../../provider/lifecycle/property-names";

describe("property names the resource knows without the schema", () => {
    it("lists exactly the inputs of the schema", () => {
        expect([...inputNames].sort()).to.deep.equal(Object.keys(replicationArgsSchema.shape).sort());
    });

    it("lists outputs that are inputs among the inputs, and the others not", () => {
        for (const name of inputOutputNames) expect(inputNames).to.include(name);
        for (const name of outputOnlyNames) expect(inputNames).not.to.include(name);
    });
});
