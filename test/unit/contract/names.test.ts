import { expect } from "chai";
import { checkDeploymentName, checkModelLabel, checkProjectName } from "../../../provider/contract";

describe("contract/names", () => {
    it("accepts letters, digits, _ . - up to 50 characters", () => {
        for (const name of ["Travel", "travel_v2.1-eu", "a".repeat(50), "0", "v1.", ".env", "a..b"]) {
            expect(checkProjectName(name), name).to.equal(undefined);
            expect(checkModelLabel(name), name).to.equal(undefined);
            expect(checkDeploymentName(name), name).to.equal(undefined);
        }
    });

    it("rejects spaces and other symbols, naming the first character not allowed", () => {
        expect(checkProjectName("my project")).to.equal(
            'project name "my project" may contain only letters a-z and A-Z, digits, "_", "." and "-" (no spaces); " " is not allowed',
        );
        expect(checkModelLabel("v1/beta")).to.match(/^model label "v1\/beta" may contain only .*"\/" is not allowed$/);
        expect(checkDeploymentName("prod#1")).to.match(/^deployment name "prod#1" may contain only/);
        expect(checkProjectName("café")).to.include('"é" is not allowed');
        expect(checkProjectName("line\n")).to.include('"\\n" is not allowed');
        expect(checkProjectName("%2e%2e")).to.include('"%" is not allowed');
    });

    it("rejects names of dots only, which a URL would resolve to another path", () => {
        for (const name of [".", "..", "..."]) {
            expect(checkDeploymentName(name), name).to.equal(
                `deployment name ${JSON.stringify(name)} must not consist of dots only; add a letter or digit`,
            );
            expect(checkProjectName(name), name).to.include("dots only");
            expect(checkModelLabel(name), name).to.include("dots only");
        }
    });

    it("rejects names longer than 50 without repeating them, and empty names", () => {
        expect(checkDeploymentName("d".repeat(51))).to.equal(
            "deployment name is 51 characters long; the maximum is 50",
        );
        expect(checkModelLabel("")).to.equal("model label must not be empty");
    });
});
