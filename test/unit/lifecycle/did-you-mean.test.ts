import { expect } from "chai";
import { closestOption } from "../../../provider/lifecycle/did-you-mean";

describe("closestOption: the option a misspelt name meant", () => {
    it("finds the option one edit away: an insertion, a deletion or a substitution", () => {
        const options = ["endpoint", "key", "entraId"];
        expect(closestOption("endpont", options)).to.equal("endpoint");
        expect(closestOption("endpoints", options)).to.equal("endpoint");
        expect(closestOption("entraID", options)).to.equal("entraId");
        expect(closestOption("kez", options)).to.equal("key");
    });

    it("ignores case", () => {
        expect(closestOption("PROJECTNAME", ["projectName", "projectKind"])).to.equal("projectName");
    });

    it("takes the closest of several, the first of equals", () => {
        expect(closestOption("projectKnd", ["projectName", "projectKind"])).to.equal("projectKind");
        expect(closestOption("ab", ["ax", "xb"])).to.equal("ax");
    });

    it("allows two edits for a short name, and a third of a long one", () => {
        expect(closestOption("kyy", ["key"])).to.equal("key");
        expect(closestOption("xyz", ["key"])).to.equal(undefined);
        // 12 letters: up to 4 edits.
        expect(closestOption("tramingMxxde", ["trainingMode"])).to.equal("trainingMode");
        expect(closestOption("tramingMxxdx", ["trainingMode"])).to.equal(undefined);
    });

    it("counts edits exactly: a transposition is two", () => {
        expect(closestOption("abcdef", ["badcfe"])).to.equal(undefined);
        expect(closestOption("abcdef", ["bacdef"])).to.equal("bacdef");
        expect(closestOption("abcdef", ["abcxyz"])).to.equal(undefined);
        expect(closestOption("", ["ab"])).to.equal("ab");
        expect(closestOption("", ["abc"])).to.equal(undefined);
    });

    it("finds an option the name contains, or that contains the name", () => {
        expect(closestOption("apiKeyValue", ["endpoint", "key", "entraId"])).to.equal("key");
        expect(closestOption("timeout", ["polling", "timeoutMinutes"])).to.equal("timeoutMinutes");
        expect(closestOption("TIMEOUT", ["polling", "timeoutMinutes"])).to.equal("timeoutMinutes");
    });

    it("does not match on a contained part shorter than three letters", () => {
        expect(closestOption("xxxxidxxxx", ["id"])).to.equal(undefined);
        expect(closestOption("id", ["xxxxidxxxx"])).to.equal(undefined);
    });

    it("finds nothing among no options", () => {
        expect(closestOption("key", [])).to.equal(undefined);
    });
});
