import { expect } from "chai";
import { orderForReplication } from "../../../stacks/azure/replication-order";

const names = (projects: { projectName: string }[]) => projects.map((project) => project.projectName);

describe("orderForReplication", () => {
    it("keeps config order when nothing depends on anything", () => {
        expect(names(orderForReplication([{ projectName: "b" }, { projectName: "a" }]))).to.deep.equal(["b", "a"]);
    });

    it("puts an orchestration after the projects it routes to", () => {
        const projects = [
            { projectName: "router", dependsOn: ["booking", "faq"] },
            { projectName: "faq" },
            { projectName: "tickets" },
            { projectName: "booking" },
        ];
        expect(names(orderForReplication(projects))).to.deep.equal(["booking", "faq", "router", "tickets"]);
    });

    it("follows chains and shared dependencies once", () => {
        const projects = [
            { projectName: "top", dependsOn: ["middle", "bottom"] },
            { projectName: "middle", dependsOn: ["bottom"] },
            { projectName: "bottom" },
        ];
        expect(names(orderForReplication(projects))).to.deep.equal(["bottom", "middle", "top"]);
    });

    it("names a cycle, including a project that depends on itself", () => {
        const cycle = [
            { projectName: "a", dependsOn: ["b"] },
            { projectName: "b", dependsOn: ["c"] },
            { projectName: "c", dependsOn: ["b"] },
        ];
        expect(() => orderForReplication(cycle)).to.throw("dependsOn forms a cycle: b -> c -> b");
        expect(() => orderForReplication([{ projectName: "a", dependsOn: ["a"] }])).to.throw("a -> a");
    });

    it("refuses a dependency that is not configured", () => {
        expect(() => orderForReplication([{ projectName: "router", dependsOn: ["gone"] }])).to.throw(
            'project "router" depends on "gone", which is not configured',
        );
    });
});
