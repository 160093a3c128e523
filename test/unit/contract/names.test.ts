import { expect } from "chai";
import { checkDeploymentName, checkModelLabel, checkProjectName } from "../../../provider/contract";

describe("contract/names", () => {
    it("accepts letters, digits, _ . - up to 50 characters", () => {
        for (const name of ["Travel", "travel_v2.1-eu", "a".repeat(50), "0"]) {
            expect(checkProjectName(name), name).to.equal(undefined);
            expect(checkModelLabel(name), name).to.equal(undefined);
            expect(checkDeploymentName(name), name).to.equal(undefined);
        }
    });

    it("rejects spaces and other symbols with a readable problem", () => {
        expect(checkProjectName("my project")).to.equal(
            'project name "my project" may contain only letters, digits, "_", "." and "-" (no spaces)',
        );
        expect(checkModelLabel("v1/beta")).to.match(/^model label "v1\/beta" may contain only/);
        expect(checkDeploymentName("prod#1")).to.match(/^deployment name "prod#1" may contain only/);
        expect(checkProjectName("café")).to.not.equal(undefined);
    });

    it("rejects names longer than 50 and empty names", () => {
        expect(checkDeploymentName("d".repeat(51))).to.equal(
            `deployment name "${"d".repeat(51)}" is 51 characters long; the maximum is 50`,
        );
        expect(checkModelLabel("")).to.equal("model label must not be empty");
    });
});
