import { expect } from "chai";
import { FaultRegistry } from "../../../emulator/admin/faults";

describe("emulator/admin/faults", () => {
    it("hits matching requests the given number of times, by resource, method and path", () => {
        const faults = new FaultRegistry();
        faults.add({
            method: "post",
            path: ":train$",
            resource: "primary",
            fault: { kind: "status", status: 500, times: 2 },
        });
        const train = {
            resource: "primary",
            method: "POST",
            path: "/language/authoring/analyze-text/projects/p/:train",
        };
        expect(faults.takeRequestFault({ ...train, resource: "secondary" })).to.equal(undefined);
        expect(faults.takeRequestFault({ ...train, method: "GET" })).to.equal(undefined);
        expect(faults.takeRequestFault(train)).to.deep.include({ kind: "status", status: 500 });
        expect(faults.list()[0]?.remaining).to.equal(1);
        expect(faults.takeRequestFault(train)).to.deep.include({ kind: "status" });
        expect(faults.takeRequestFault(train)).to.equal(undefined);
        expect(faults.list()).to.be.empty;
    });

    it("keeps job faults for the job a request starts", () => {
        const faults = new FaultRegistry();
        faults.add({ path: ".", fault: { kind: "hangJob", times: 1 } });
        const target = { resource: "r", method: "POST", path: "/x" };
        expect(faults.takeRequestFault(target)).to.equal(undefined);
        expect(faults.takeJobFault(target)).to.deep.equal({ kind: "hang" });
        expect(faults.takeJobFault(target)).to.equal(undefined);
    });
});
